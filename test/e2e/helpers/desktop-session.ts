// A private desktop for notification tests: its own session bus, an X server and a notification
// daemon, so nothing reaches (or depends on) the user's real session.
import { spawn, type ChildProcess } from 'node:child_process';
import { requireBinaries } from './binaries';

export interface NotifyCall {
  appName: string;
  /** app_icon: a path or an icon name. */
  icon: string;
  summary: string;
  body: string;
}

export interface DesktopSession {
  /** Environment for programs that should notify on this desktop. */
  env: NodeJS.ProcessEnv;
  /** Notify calls seen on the bus so far. */
  notifications(): NotifyCall[];
  close(): Promise<void>;
}

function firstLine(child: ChildProcess, what: string, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start within ${timeoutMs} ms`)), timeoutMs);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      buffer += chunk;
      const end = buffer.indexOf('\n');
      if (end >= 0) {
        clearTimeout(timer);
        resolve(buffer.slice(0, end).trim());
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${String(code)}) before it was ready`));
    });
  });
}

/**
 * Reads dbus-monitor's text: after a `member=Notify` line come the arguments app_name,
 * replaces_id (uint32), app_icon, summary, body; so the strings are name, icon, summary, body.
 */
export function parseNotifyCalls(text: string): NotifyCall[] {
  const calls: NotifyCall[] = [];
  const blocks = text.split(/\n(?=method call |signal |method return |error )/);
  for (const block of blocks) {
    if (!/member=Notify\b/.test(block)) continue;
    // dbus-monitor neither escapes quotes nor newlines inside strings: a string ends at a quote
    // followed by the next argument (three spaces and a type) or the end of the block.
    const strings = [...block.matchAll(/^ {3}string "([\s\S]*?)"(?=\n {3}[a-z]|\s*$)/gm)].map((match) => match[1] ?? '');
    if (strings.length < 4) continue;
    calls.push({ appName: strings[0] ?? '', icon: strings[1] ?? '', summary: strings[2] ?? '', body: strings[3] ?? '' });
  }
  return calls;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 2000).unref();
  });
}

export async function startDesktopSession(): Promise<DesktopSession> {
  const bin = requireBinaries(['dbus-daemon', 'dbus-monitor', 'Xvfb', 'dunst', 'notify-send']);
  const children: ChildProcess[] = [];
  const close = async (): Promise<void> => {
    for (const child of children.reverse()) await stop(child);
  };
  try {
    // -displayfd lets the X server pick a free display and tell us which.
    const xvfb = spawn(bin.Xvfb ?? 'Xvfb', ['-displayfd', '1', '-screen', '0', '1024x768x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'pipe', 'ignore'] });
    children.push(xvfb);
    const display = `:${await firstLine(xvfb, 'Xvfb')}`;
    // The bus gets DISPLAY too, in case it starts the notification daemon itself (D-Bus activation).
    const bus = spawn(bin['dbus-daemon'] ?? 'dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, DISPLAY: display },
    });
    children.push(bus);
    const address = await firstLine(bus, 'dbus-daemon');
    const env: NodeJS.ProcessEnv = { ...process.env, DBUS_SESSION_BUS_ADDRESS: address, DISPLAY: display };
    delete env.WAYLAND_DISPLAY;

    const monitor = spawn(bin['dbus-monitor'] ?? 'dbus-monitor', ['--address', address, "type='method_call',interface='org.freedesktop.Notifications',member='Notify'"], {
      stdio: ['ignore', 'pipe', 'ignore'],
      env,
    });
    children.push(monitor);
    let seen = '';
    monitor.stdout?.setEncoding('utf8');
    monitor.stdout?.on('data', (chunk: string) => (seen += chunk));

    const dunst = spawn(bin.dunst ?? 'dunst', [], { stdio: 'ignore', env });
    children.push(dunst);
    // Ready when dunst owns the notifications name and the monitor's own greeting went by.
    const deadline = Date.now() + 5000;
    for (;;) {
      const probe = spawn(bin['notify-send'] ?? 'notify-send', ['-a', 'probe', 'ready', 'probe'], { env, stdio: 'ignore' });
      const code = await new Promise<number | null>((resolve) => probe.once('exit', resolve));
      if (code === 0 && parseNotifyCalls(seen).some((call) => call.appName === 'probe')) break;
      if (Date.now() > deadline) throw new Error('the notification daemon (dunst) did not come up on the private bus');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return {
      env,
      notifications: () => parseNotifyCalls(seen).filter((call) => call.appName !== 'probe'),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
