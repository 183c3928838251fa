// The case map: a branching case (vignette) as boxes and arrows, laid out by dagre (a maintained
// layered-graph layout library) so no coordinates are hand-written. Runs on the server: the page
// gets finished coordinates and draws them as plain SVG without JavaScript.
import { Graph, layout, type EdgeLabel, type Point } from '@dagrejs/dagre';

export interface CaseMapInput {
	start: string;
	nodes: { id: string; text: string; choices: { label: string; next: string }[] }[];
	endings: { id: string; title: string }[];
}

export type CaseMapMark = 'start' | 'unreachable' | 'deadEnd';

export interface CaseMapBox {
	key: string;
	id: string;
	kind: 'situation' | 'ending';
	/** Position in the editor's list: the form's fieldset is #veld-vignette.<nodes|endings>.<index>. */
	index: number;
	anchor: string;
	text: string;
	marks: CaseMapMark[];
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface CaseMapArrow {
	from: string;
	to: string;
	label: string;
	/** The choice's place: situation index and choice index. */
	node: number;
	choice: number;
	points: { x: number; y: number }[];
	labelAt: { x: number; y: number };
}

export interface CaseMap {
	width: number;
	height: number;
	boxes: CaseMapBox[];
	arrows: CaseMapArrow[];
}

export const boxSize = { width: 190, height: 70 };
const labelSize = { width: 120, height: 18 };
const margin = 16;

export function shorten(text: string, max: number): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * Situations reachable from the start, and situations from which some ending can be reached.
 * A situation no path leads to is "unreachable"; one from which no ending can be reached (no
 * choices, choices without a target, or only a loop) is a "dead end".
 */
export function caseMarks(v: CaseMapInput): Map<string, CaseMapMark[]> {
	const situations = new Set(v.nodes.map((n) => n.id));
	const endings = new Set(v.endings.map((e) => e.id));
	const nextOf = new Map(v.nodes.map((n) => [n.id, n.choices.map((c) => c.next)]));

	const reached = new Set<string>();
	const queue = situations.has(v.start) ? [v.start] : [];
	while (queue.length) {
		const id = queue.shift()!;
		if (reached.has(id)) continue;
		reached.add(id);
		for (const next of nextOf.get(id) ?? []) if (situations.has(next)) queue.push(next);
	}

	// Fixed point: a situation leads to an ending if one of its choices goes to an ending or to
	// a situation that does.
	const leadsOn = new Set<string>();
	let grew = true;
	while (grew) {
		grew = false;
		for (const node of v.nodes) {
			if (leadsOn.has(node.id)) continue;
			if (node.choices.some((c) => endings.has(c.next) || leadsOn.has(c.next))) {
				leadsOn.add(node.id);
				grew = true;
			}
		}
	}

	const marks = new Map<string, CaseMapMark[]>();
	for (const node of v.nodes) {
		const own: CaseMapMark[] = [];
		if (node.id === v.start) own.push('start');
		if (!reached.has(node.id)) own.push('unreachable');
		if (!leadsOn.has(node.id)) own.push('deadEnd');
		marks.set(node.id, own);
	}
	for (const ending of v.endings) {
		const reachable = v.nodes.some(
			(n) => reached.has(n.id) && n.choices.some((c) => c.next === ending.id)
		);
		marks.set(`ending:${ending.id}`, reachable ? [] : ['unreachable']);
	}
	return marks;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Lays the case out top to bottom: the start at the top, endings below the situations. */
export function layoutCaseMap(v: CaseMapInput): CaseMap {
	const marks = caseMarks(v);
	const graph = new Graph({ multigraph: true });
	graph.setGraph({
		rankdir: 'TB',
		nodesep: 32,
		ranksep: 56,
		edgesep: 16,
		marginx: margin,
		marginy: margin
	});
	graph.setDefaultEdgeLabel(() => ({}));

	// Keys keep situations and endings apart even if an author gives both the same id.
	const situationKey = (id: string) => `node:${id}`;
	const endingKey = (id: string) => `ending:${id}`;
	const keyOf = new Map<string, string>();
	v.endings.forEach((e) => keyOf.set(e.id, endingKey(e.id)));
	v.nodes.forEach((n) => keyOf.set(n.id, situationKey(n.id)));

	const boxes: Omit<CaseMapBox, 'x' | 'y'>[] = [];
	v.nodes.forEach((node, index) => {
		const key = situationKey(node.id);
		if (graph.hasNode(key)) return; // a duplicate id: the editor reports it; draw it once
		graph.setNode(key, { ...boxSize });
		boxes.push({
			key,
			id: node.id,
			kind: 'situation',
			index,
			anchor: `veld-vignette.nodes.${index}`,
			text: shorten(node.text, 60),
			marks: marks.get(node.id) ?? [],
			...boxSize
		});
	});
	v.endings.forEach((ending, index) => {
		const key = endingKey(ending.id);
		if (graph.hasNode(key)) return;
		graph.setNode(key, { ...boxSize });
		boxes.push({
			key,
			id: ending.id,
			kind: 'ending',
			index,
			anchor: `veld-vignette.endings.${index}`,
			text: shorten(ending.title, 60),
			marks: marks.get(key) ?? [],
			...boxSize
		});
	});

	const arrows: Omit<CaseMapArrow, 'points' | 'labelAt'>[] = [];
	v.nodes.forEach((node, n) => {
		node.choices.forEach((choice, c) => {
			const to = keyOf.get(choice.next);
			if (!to) return; // no target yet: the outline and the form say so
			const name = `${n}.${c}`;
			graph.setEdge(situationKey(node.id), to, { ...labelSize, labelpos: 'c' }, name);
			arrows.push({
				from: situationKey(node.id),
				to,
				label: shorten(choice.label, 18),
				node: n,
				choice: c
			});
		});
	});

	layout(graph);

	const placed = boxes.map((box) => {
		const at = graph.node(box.key);
		return { ...box, x: round(at.x - box.width / 2), y: round(at.y - box.height / 2) };
	});
	const drawn = arrows.map((arrow) => {
		const edge: EdgeLabel = graph.edge({
			v: arrow.from,
			w: arrow.to,
			name: `${arrow.node}.${arrow.choice}`
		});
		return {
			...arrow,
			points: (edge.points ?? []).map((p: Point) => ({ x: round(p.x), y: round(p.y) })),
			labelAt: { x: round(edge.x ?? 0), y: round(edge.y ?? 0) }
		};
	});
	const size = graph.graph();
	return {
		width: Math.ceil(size.width ?? boxSize.width + 2 * margin),
		height: Math.ceil(size.height ?? boxSize.height + 2 * margin),
		boxes: placed,
		arrows: drawn
	};
}
