// The text of an incident update: the small Markdown subset status pages write (bold, italic,
// links, line breaks, lists) as React elements, never as HTML. Raw HTML in the text stays text;
// links open through the link policy (main decides, the page never opens a URL itself), and a
// link the policy would refuse is shown with its address instead of as a link.
import Markdown from 'markdown-to-jsx';
import { useState, type ReactNode } from 'react';
import { useApi, useI18n } from '../context';
import { ExternalIcon } from './Icons';

/** A link is clickable when it is https, or the page's own http origin (a local mirror). */
function openable(href: string, sourceUrl: string): boolean {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.origin === new URL(sourceUrl).origin;
  } catch {
    return false;
  }
}

function PolicyLink({ href = '', sourceUrl, children }: { href?: string; sourceUrl: string; children?: ReactNode }) {
  const api = useApi();
  const { t } = useI18n();
  const [refused, setRefused] = useState(false);
  if (!openable(href, sourceUrl)) return <span className="update-link-text">{children}</span>;
  if (refused) {
    // Said where the link goes, so the user can judge it and copy it themselves.
    return (
      <span className="update-link-text" role="note">
        {children} <span className="muted-text">({t('incidents.linkRefused', { url: href })})</span>
      </span>
    );
  }
  return (
    <button
      type="button"
      className="text-button update-link"
      title={href}
      onClick={() => {
        void api.openExternal({ kind: 'update-link', sourceUrl, url: href }).then((opened) => setRefused(!opened));
      }}
    >
      {children}
      <ExternalIcon />
    </button>
  );
}

/** A picture in an update is named, never loaded: the window fetches nothing a page points to. */
function ImageAsText({ alt }: { alt?: string }) {
  return alt ? <span className="muted-text">[{alt}]</span> : null;
}

const HEADING = { component: 'strong' } as const;
// Pages indent their texts with tabs (Gandi's maintenance notes do), which Markdown reads as code:
// it is shown as the plain text it is.
const PLAIN_BLOCK = { component: 'p' } as const;
const PLAIN_INLINE = { component: 'span' } as const;

export function UpdateText({ text, sourceUrl }: { text: string; sourceUrl: string }) {
  return (
    <div className="timeline-body update-text">
      <Markdown
        options={{
          disableParsingRawHTML: true,
          forceBlock: true,
          overrides: {
            a: { component: PolicyLink, props: { sourceUrl } },
            img: { component: ImageAsText },
            h1: HEADING,
            h2: HEADING,
            h3: HEADING,
            h4: HEADING,
            h5: HEADING,
            h6: HEADING,
            pre: PLAIN_BLOCK,
            code: PLAIN_INLINE,
          },
        }}
      >
        {text}
      </Markdown>
    </div>
  );
}
