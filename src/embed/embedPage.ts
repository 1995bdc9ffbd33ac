/**
 * The embed page (embed.html, or any Coldstart link with `embed` in its fragment): the charts the
 * link asks for, sized to its content, telling the parent page its height.
 *
 * Message to the parent, on every size change: `{ type: 'coldstart:height', height: <CSS px> }`.
 * It carries no data, so it is posted to any origin; the host page checks `event.origin` (see docs/embed.md).
 */
import { mount } from 'svelte';
import type { LinkState } from '../app/share/link.svelte.ts';
import type { ScenarioState } from '../app/state/scenario.svelte.ts';
import type { SimClientFactory } from '../worker/client.ts';
import EmbedView from './EmbedView.svelte';

/** The message an embed posts to its parent whenever its height changes. */
export interface HeightMessage {
  type: 'coldstart:height';
  /** Document height, CSS pixels. */
  height: number;
}

export interface EmbedPageOptions {
  createClient: SimClientFactory;
  scenario: ScenarioState;
  link: LinkState;
}

export function mountEmbedPage(
  target: HTMLElement,
  { createClient, scenario, link }: EmbedPageOptions
) {
  document.documentElement.classList.add('embedded');
  const app = mount(EmbedView, {
    target,
    props: {
      scenario: link.problem ? null : scenario.valid,
      charts: link.view.charts && link.view.charts.length > 0 ? link.view.charts : undefined,
      problem: link.problem,
      openHref: link.appLink(),
      createClient
    }
  });
  reportHeight(target);
  return app;
}

/** Posts the content's height to the parent page now and after every resize (no-op when not framed). */
function reportHeight(content: HTMLElement): void {
  if (window.parent === window) return;
  let last = -1;
  const post = () => {
    const height = Math.ceil(content.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    const message: HeightMessage = { type: 'coldstart:height', height };
    window.parent.postMessage(message, '*');
  };
  new ResizeObserver(post).observe(content);
  post();
}
