// The scenario in force and how far its story has gone; switched and stepped at run time.
import { buildWorld, isFault, SCENARIOS, stepCount, type FaultName, type ScenarioName, type World } from './scenarios';

export interface ScenarioState {
  scenario: ScenarioName;
  /** Steps taken since the scenario was switched on. */
  step: number;
  /** Total distinct steps, or null if endless. */
  steps: number | null;
  /** What the story says now, in words (the incident/maintenance status, or the fault). */
  phase: string;
  startedAt: string;
  scenarios: readonly ScenarioName[];
}

/** The scenario in force and its progress; time comes from the injected clock. */
export class ScenarioRunner {
  private current: ScenarioName;
  private stepTimes: Date[];
  private cachedWorld: World | null = null;

  constructor(
    private readonly now: () => Date,
    initial: ScenarioName = 'all-clear',
  ) {
    this.current = initial;
    this.stepTimes = [now()];
  }

  get name(): ScenarioName {
    return this.current;
  }

  get fault(): FaultName | null {
    return isFault(this.current) ? this.current : null;
  }

  set(name: ScenarioName): void {
    this.current = name;
    this.stepTimes = [this.now()];
    this.cachedWorld = null;
  }

  /** Advances the story one step; returns false when it was already at its end. */
  step(): boolean {
    const total = stepCount(this.current);
    if (total !== null && this.stepTimes.length >= total) return false;
    this.stepTimes.push(this.now());
    this.cachedWorld = null;
    return true;
  }

  world(): World {
    this.cachedWorld ??= buildWorld(this.current, this.stepTimes);
    return this.cachedWorld;
  }

  state(): ScenarioState {
    const world = this.world();
    const phase =
      this.fault ??
      world.incidents[0]?.status ??
      world.maintenances[0]?.status ??
      (world.componentStatus.size > 0 ? 'degraded' : 'operational');
    return {
      scenario: this.current,
      step: this.stepTimes.length - 1,
      steps: stepCount(this.current),
      phase,
      startedAt: (this.stepTimes[0] ?? new Date(0)).toISOString(),
      scenarios: SCENARIOS,
    };
  }
}
