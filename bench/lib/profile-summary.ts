import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Where a frame's code lives: an npm package, our own code, Node itself, or V8's pseudo-frames. */
function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const own = /dist\/((?:apps|libs)\/[^/]+)/.exec(url)?.[1];
  return own ?? url;
}

const frameOf = (node: ProfileNode) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, '');
  return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
};

/** Self time by area and by function, as shares of the profile's busy (non-idle) time. */
export function summarizeProfile(
  path: string,
  top = 12,
): { busyMs: number; wallMs: number; areas: string[]; functions: string[] } {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const us = profile.timeDeltas[i + 1] ?? 0;
    if (!node || node.callFrame.functionName === '(idle)') return;
    busy += us;
    const area = areaOf(node.callFrame.url, node.callFrame.functionName);
    areas.set(area, (areas.get(area) ?? 0) + us);
    const frame = frameOf(node);
    functions.set(frame, (functions.get(frame) ?? 0) + us);
  });
  const share = (entries: Map<string, number>) =>
    [...entries]
      .sort((x, y) => y[1] - x[1])
      .slice(0, top)
      .map(([key, us]) => `${((us / Math.max(busy, 1)) * 100).toFixed(1).padStart(5)}%  ${key}`);
  return {
    busyMs: busy / 1000,
    wallMs: (profile.endTime - profile.startTime) / 1000,
    areas: share(areas),
    functions: share(functions),
  };
}
