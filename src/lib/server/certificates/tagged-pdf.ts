// A tagged PDF with pdf-lib (which has no tagging API of its own): every text run drawn through
// `Tagger.mark` is wrapped in a marked-content sequence (`/P <</MCID n>> BDC ... EMC`) whose id
// points into a structure tree (StructTreeRoot > Document > H1, H2, P, L > LI > LBody) in
// reading order, with the /ParentTree that maps the page's ids back to their elements. Drawing
// that is no content (a coloured band, a brand name) is marked as an /Artifact. `finish` writes
// the tree, /MarkInfo <</Marked true>>, /Lang and /ViewerPreferences <</DisplayDocTitle true>>.
import {
	PDFArray,
	PDFDict,
	PDFName,
	PDFNumber,
	PDFOperator,
	PDFOperatorNames,
	type PDFDocument,
	type PDFPage,
	type PDFRef
} from 'pdf-lib';

export type StructureType = 'Document' | 'H1' | 'H2' | 'H3' | 'P' | 'L' | 'LI' | 'LBody';

/** One element of the structure tree: its kids are elements or marked-content ids. */
export interface StructureNode {
	type: StructureType;
	kids: (StructureNode | number)[];
}

export class Tagger {
	readonly document: StructureNode = { type: 'Document', kids: [] };
	private nextId = 0;

	constructor(
		private doc: PDFDocument,
		private page: PDFPage
	) {}

	/** A new element under `parent` (the Document by default), in reading order. */
	element(type: StructureType, parent: StructureNode = this.document): StructureNode {
		const node: StructureNode = { type, kids: [] };
		parent.kids.push(node);
		return node;
	}

	/** Draws through `draw` inside a marked-content sequence that belongs to `node`. */
	mark(node: StructureNode, draw: () => void): void {
		this.begin(node);
		draw();
		this.end();
	}

	/** Opens a marked-content sequence of `node` (for drawing that awaits); close it with `end`. */
	begin(node: StructureNode): void {
		const id = this.nextId++;
		const tag = node.type === 'LBody' || node.type === 'LI' ? 'Span' : node.type;
		// The property list is written inline, as the operator's raw operand.
		this.page.pushOperators(
			PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [
				PDFName.of(tag),
				`<< /MCID ${id} >>`
			])
		);
		node.kids.push(id);
	}

	end(): void {
		this.page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
	}

	/** Draws something that is not content (decoration, a running brand name) as an artifact. */
	artifact(draw: () => void): void {
		this.page.pushOperators(
			PDFOperator.of(PDFOperatorNames.BeginMarkedContent, [PDFName.of('Artifact')])
		);
		draw();
		this.page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
	}

	/** Writes the structure tree and the catalogue entries that make the document tagged. */
	finish(lang: string): void {
		const { context, catalog } = this.doc;
		const pageRef = this.page.ref;
		const rootRef = context.nextRef();
		// parentOf[mcid] = the element that holds that marked-content id.
		const parentOf: PDFRef[] = [];

		const write = (node: StructureNode, parent: PDFRef): PDFRef => {
			const ref = context.nextRef();
			const kids = context.obj([]) as PDFArray;
			for (const kid of node.kids) {
				if (typeof kid === 'number') {
					kids.push(PDFNumber.of(kid));
					parentOf[kid] = ref;
				} else kids.push(write(kid, ref));
			}
			context.assign(
				ref,
				context.obj({
					Type: 'StructElem',
					S: node.type,
					P: parent,
					Pg: pageRef,
					K: kids
				})
			);
			return ref;
		};
		const documentRef = write(this.document, rootRef);

		const parentTree = context.obj({ Nums: [0, context.obj(parentOf)] });
		context.assign(
			rootRef,
			context.obj({
				Type: 'StructTreeRoot',
				K: documentRef,
				ParentTree: context.register(parentTree),
				ParentTreeNextKey: 1
			})
		);
		this.page.node.set(PDFName.of('StructParents'), PDFNumber.of(0));
		// Tab order follows the structure.
		this.page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
		catalog.set(PDFName.of('StructTreeRoot'), rootRef);
		catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
		this.doc.setLanguage(lang);
		const prefs = catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict);
		if (prefs) prefs.set(PDFName.of('DisplayDocTitle'), context.obj(true));
		else catalog.set(PDFName.of('ViewerPreferences'), context.obj({ DisplayDocTitle: true }));
	}
}
