// Moves focus to an element when it appears (a confirmation step), so keyboard and screen-reader
// users land on the question instead of at the top of the page.
export function focusOnMount(node: HTMLElement) {
	node.focus();
}
