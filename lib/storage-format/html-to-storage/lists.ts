import type { Converter } from './converter';
import { wrapFlow } from './flow';
import { element, isBlank, isBlock, text, type OutElement, type OutNode } from './out-nodes';
import type { HtmlElement, HtmlNode } from './parse-html';

function isWhitespaceText(node: HtmlNode): boolean {
  return node.type === 'text' && !/[^ \t\n\f\r]/.test(node.text);
}

export function isCheckbox(node: HtmlNode | undefined): boolean {
  return (
    node?.type === 'element' &&
    node.name === 'input' &&
    node.attributes.get('type')?.trim().toLowerCase() === 'checkbox'
  );
}

/** A checkbox that cannot become a task keeps its state as visible text. */
export function checkboxAsText(input: HtmlElement): OutNode {
  return text(input.attributes.has('checked') ? '\u2611 ' : '\u2610 ');
}

interface TaskItem {
  done: boolean;
  rest: HtmlNode[];
}

/** The item's checkbox and the content after it, when the `li` starts with one. */
function taskItem(li: HtmlElement): TaskItem | null {
  const index = li.children.findIndex((child) => !isWhitespaceText(child));
  const first = li.children[index];
  if (first?.type !== 'element' || !isCheckbox(first)) return null;
  return { done: first.attributes.has('checked'), rest: li.children.slice(index + 1) };
}

/**
 * GitHub/markdown task lists become `ac:task-list` when simple: every item starts with a
 * checkbox and holds only inline content (a task body cannot hold blocks or sub-lists).
 */
function convertTaskList(list: HtmlElement, convert: Converter): OutNode[] | null {
  const items: Array<{ done: boolean; body: OutNode[] }> = [];
  for (const child of list.children) {
    if (isWhitespaceText(child)) continue;
    if (child.type !== 'element' || child.name !== 'li') return null;
    const task = taskItem(child);
    if (!task) return null;
    const body = convert.nodes(task.rest);
    if (body.some(isBlock)) return null;
    items.push({ done: task.done, body });
  }
  if (items.length === 0) return null;
  const tasks = items.map(({ done, body }) =>
    element(
      'ac:task',
      [],
      [
        element('ac:task-id', [], [text(String(convert.nextTaskId()))]),
        element('ac:task-status', [], [text(done ? 'complete' : 'incomplete')]),
        element('ac:task-body', [], body),
      ],
    ),
  );
  return [element('ac:task-list', [], tasks)];
}

function startAttribute(list: HtmlElement): Array<[string, string]> {
  const start = list.attributes.get('start')?.trim() ?? '';
  return list.name === 'ol' && /^-?\d{1,9}$/.test(start) && Number(start) !== 1
    ? [['start', String(Number(start))]]
    : [];
}

/**
 * `ul`/`ol` with only `li` children. Stray text or elements become items of their own; a
 * nested list written directly inside the list (old editors do that) joins the item before it.
 */
export function convertList(list: HtmlElement, convert: Converter): OutNode[] {
  const tasks = convertTaskList(list, convert);
  if (tasks) return tasks;
  const items: OutElement[] = [];
  let stray: HtmlNode[] = [];
  const flushStray = () => {
    const content = convert.nodes(stray);
    stray = [];
    if (!isBlank(content)) items.push(element('li', [], wrapFlow(content, 'list-item')));
  };
  for (const child of list.children) {
    if (child.type === 'element' && child.name === 'li') {
      flushStray();
      items.push(element('li', [], wrapFlow(convert.nodes(child.children), 'list-item')));
    } else if (child.type === 'element' && (child.name === 'ul' || child.name === 'ol')) {
      const previous = items[items.length - 1];
      if (stray.length === 0 && previous) {
        previous.children = wrapFlow(
          [...previous.children, ...convertList(child, convert)],
          'list-item',
        );
      } else stray.push(child);
    } else if (!isWhitespaceText(child) || stray.length > 0) stray.push(child);
  }
  flushStray();
  return items.length === 0 ? [] : [element(list.name, startAttribute(list), items)];
}
