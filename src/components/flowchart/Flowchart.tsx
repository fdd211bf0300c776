import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { mermaidId, treeToMermaid } from '../../engine/mermaid';
import type { Step } from '../../engine/replay';
import { TREES, edgeText, nodeKey, type TreeId } from '../../tree';
import { useT } from '../useT';
import { loadMermaid } from './loadMermaid';
import { routeOf, useSpace } from '../space';

interface Props {
  tree: TreeId;
  steps: Step[];
  current: string;
  answers: Record<string, string>;
  /** The fact route taken at each step, so only that edge is drawn as taken. */
  via?: Record<string, string>;
}

/** The tree drawn by mermaid: the path taken in blue (each step clickable), the current node in yellow. */
export function Flowchart({ tree, steps, current, answers, via }: Props) {
  const { t, lang } = useT();
  const navigate = useNavigate();
  const space = useSpace();
  const box = useRef<HTMLDivElement>(null);
  const renderId = `fc${useId().replace(/\W/g, '')}`;
  const [state, setState] = useState<
    { status: 'loading' | 'ready' } | { status: 'failed'; error: string }
  >({ status: 'loading' });
  const path = steps.map((s) => s.node);
  const key = `${lang}|${tree}|${path.join('>')}|${current}|${JSON.stringify(answers)}|${JSON.stringify(via)}`;

  useEffect(() => {
    let alive = true;
    const spec = TREES[tree];
    const text = treeToMermaid(spec, {
      label: (n) => t(`${nodeKey(tree, n)}.title`),
      edgeLabel: (from, e) => edgeText(lang, tree, from, e),
      path,
      current,
      chosen: answers,
      via,
    });
    loadMermaid()
      .then((mermaid) => mermaid.render(renderId, text))
      .then(({ svg }) => {
        if (!alive || !box.current) return;
        box.current.innerHTML = svg;
        // Scaled to a phone's width its text would be a few pixels high: on a narrow screen the
        // drawing keeps its natural size and scrolls inside its box instead.
        const drawn = box.current.querySelector('svg');
        const size = drawn?.viewBox.baseVal;
        if (drawn && size?.width && window.matchMedia('(max-width: 760px)').matches) {
          drawn.style.width = `${size.width}px`;
          drawn.style.height = `${size.height}px`;
          drawn.style.maxWidth = 'none';
        }
        // Visited steps become buttons that go back there.
        for (const node of path) {
          const el = box.current.querySelector<SVGGElement>(
            `g.node[id*="flowchart-${mermaidId(spec, node)}-"]`,
          );
          if (!el) continue;
          el.setAttribute('role', 'button');
          el.setAttribute('tabindex', '0');
          el.setAttribute('aria-label', t(`${nodeKey(tree, node)}.title`));
          el.dataset.node = node;
          el.style.cursor = 'pointer';
          const go = () => navigate(routeOf(space, tree, node));
          el.addEventListener('click', go);
          el.addEventListener(
            'keydown',
            (e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), go()),
          );
        }
        // The step the operator is at, in view inside the box (a phone sees a part of the drawing).
        const here = box.current.querySelector<SVGGElement>(
          `g.node[id*="flowchart-${mermaidId(spec, current)}-"]`,
        );
        if (here && box.current.scrollWidth > box.current.clientWidth) {
          const b = box.current.getBoundingClientRect();
          const r = here.getBoundingClientRect();
          box.current.scrollLeft += r.left + r.width / 2 - (b.left + b.width / 2);
          box.current.scrollTop += r.top + r.height / 2 - (b.top + b.height / 2);
        }
        setState({ status: 'ready' });
      })
      .catch((e: Error) => alive && setState({ status: 'failed', error: e.message }));
    return () => {
      alive = false;
    };
    // `key` captures every input of the drawing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return (
    <figure className="flowchart-figure">
      <figcaption>
        <strong>{t('flowchart.title')}</strong>{' '}
        <span className="muted">{t('flowchart.legend')}</span>
      </figcaption>
      {state.status === 'loading' && <p className="muted">{t('flowchart.loading')}</p>}
      {state.status === 'failed' && (
        <p role="alert">{t('flowchart.failed', { error: state.error })}</p>
      )}
      <div ref={box} className="flowchart" data-testid="flowchart" data-current={current} />
    </figure>
  );
}
