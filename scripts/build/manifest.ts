/**
 * Derives the per-browser manifests from the one `manifest.json`.
 * Chrome runs the background as a service worker; Firefox runs the same
 * module as an event page and needs its add-on id and data-collection consent,
 * and declares Firefox for Android.
 */
import type { ManifestV3Export } from '@crxjs/vite-plugin';
import { ENGINE_FILE } from '../../src/content/constants.ts';
import { OPEN_PANEL_COMMAND } from '../../src/shared/commands.ts';

export type BuildTarget = 'chrome' | 'firefox';
export const BUILD_TARGETS: readonly BuildTarget[] = ['chrome', 'firefox'];

/** The add-on id Firefox stores settings under; never change it after a release. */
export const GECKO_ID = 'claimlight@claimlight.dev';
export const GECKO_MIN_VERSION = '142.0';

type Manifest = Extract<ManifestV3Export, { manifest_version: number }>;

export function isBuildTarget(value: string): value is BuildTarget {
  return (BUILD_TARGETS as readonly string[]).includes(value);
}

/** Firefox's settings; crxjs's manifest type does not know `gecko_android` yet, so they are typed here. */
const geckoSettings = {
  gecko: {
    id: GECKO_ID,
    strict_min_version: GECKO_MIN_VERSION,
    data_collection_permissions: { required: ['none' as const] },
  },
  // Firefox for Android: the same APIs (MV3, the CSS Custom Highlight API, storage.session) from the same
  // version on.
  gecko_android: { strict_min_version: GECKO_MIN_VERSION },
};

export function deriveManifest(base: Manifest, target: BuildTarget, options: { dev?: boolean } = {}): Manifest {
  const manifest: Manifest = structuredClone(base);
  // The dev server's live reload needs a websocket that the shipped CSP forbids.
  if (options.dev) delete manifest.content_security_policy;
  const background = base.background;
  if (!background || !('service_worker' in background)) {
    throw new Error('manifest.json must declare background.service_worker');
  }
  // The engine is imported by the content script, so it must be web-accessible. No page may probe for it to
  // tell that Claimlight is installed: Chrome serves it at an address that changes every session; Firefox
  // serves every add-on under a host that is random per installation.
  const engine = { resources: [ENGINE_FILE], matches: ['<all_urls>'] };
  if (target === 'chrome') {
    manifest.web_accessible_resources = [{ ...engine, use_dynamic_url: true }];
    return manifest;
  }
  manifest.web_accessible_resources = [engine];

  // crxjs emits Firefox's background.scripts only when the source declares both keys.
  const firefox: Manifest & { browser_specific_settings: unknown; sidebar_action?: unknown } = {
    ...manifest,
    background: {
      service_worker: background.service_worker,
      scripts: [background.service_worker],
      type: 'module',
    },
    browser_specific_settings: geckoSettings,
  };
  asFirefoxSidebar(firefox);
  return firefox;
}

/** The page Chrome shows in its side panel, which Firefox shows in its sidebar. */
export function sidePanelPage(base: Manifest): string | null {
  return base.side_panel?.default_path ?? null;
}

/**
 * Chrome's side panel becomes Firefox's sidebar: the same page, no `sidePanel`
 * permission (Firefox's sidebar needs none), and the command that opens the
 * panel becomes the one Firefox runs itself to show or hide the sidebar.
 */
function asFirefoxSidebar(manifest: Manifest & { sidebar_action?: unknown }): void {
  const page = sidePanelPage(manifest);
  if (!page) return;
  delete manifest.side_panel;
  manifest.permissions = manifest.permissions?.filter((permission) => permission !== 'sidePanel');
  // crxjs's manifest type leaves `action` loosely typed; the icon is passed through as declared.
  const action = manifest.action as { default_icon?: unknown } | undefined;
  manifest.sidebar_action = {
    default_panel: page,
    default_title: '__MSG_panelTitle__',
    default_icon: action?.default_icon,
    // Firefox opens a new add-on's sidebar at install unless told not to; the reader opens it when they want it.
    open_at_install: false,
  };
  if (!manifest.commands) return;
  const { [OPEN_PANEL_COMMAND]: open, ...others } = manifest.commands;
  if (open) manifest.commands = { ...others, _execute_sidebar_action: open };
}
