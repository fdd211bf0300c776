import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { drawnIds, treeToMermaid } from '../../engine/mermaid';
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
  // The whole tree fitted into the box is a map whose labels are too small to read: the drawing
  // opens at its natural size (scrolling inside its box, on the current step), and can be fitted.
  const [fit, setFit] = useState(false);
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
        const drawn = box.current.querySelector('svg');
        const size = drawn?.viewBox.baseVal;
        if (drawn && size?.width) {
          drawn.dataset.width = String(size.width);
          drawn.dataset.height = String(size.height);
          sizeDrawing(drawn, fit);
        }
        // Visited steps become buttons that go back there.
        const ids = drawnIds(spec, path);
        for (const [i, node] of path.entries()) {
          const el = box.current.querySelector<SVGGElement>(`g.node[id*="flowchart-${ids[i]}-"]`);
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
          `g.node[id*="flowchart-${path.includes(current) ? ids[path.lastIndexOf(current)] : drawnIds(spec, [current])[0]}-"]`,
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
    // `key` captures every input of the drawing; `fit` is applied below without drawing again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useEffect(() => {
    const drawn = box.current?.querySelector('svg');
    if (drawn) sizeDrawing(drawn, fit);
  }, [fit, state.status]);

  return (
    <figure className="flowchart-figure">
      <figcaption>
        <strong>{t('flowchart.title')}</strong>{' '}
        <span className="muted">{t('flowchart.legend')}</span>{' '}
        {state.status === 'ready' && (
          <button
            type="button"
            className="link"
            data-testid="flowchart-fit"
            aria-pressed={fit}
            onClick={() => setFit((f) => !f)}
          >
            {t(fit ? 'flowchart.actualSize' : 'flowchart.fit')}
          </button>
        )}
      </figcaption>
      {state.status === 'loading' && <p className="muted">{t('flowchart.loading')}</p>}
      {state.status === 'failed' && (
        <p role="alert">{t('flowchart.failed', { error: state.error })}</p>
      )}
      <div
        ref={box}
        className={fit ? 'flowchart fitted' : 'flowchart'}
        data-testid="flowchart"
        data-current={current}
      />
    </figure>
  );
}

/** The drawing at its natural size (its labels legible), or fitted to the box's width. */
function sizeDrawing(svg: SVGSVGElement, fit: boolean): void {
  svg.style.width = fit ? '' : `${svg.dataset.width}px`;
  svg.style.height = fit ? '' : `${svg.dataset.height}px`;
  svg.style.maxWidth = fit ? '100%' : 'none';
}
