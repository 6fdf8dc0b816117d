import type { ElementNode } from '../../types';
import * as treeModule from '../tree';

// Module-level copies of helpers called per element: see the note in parser/start-tag.ts.
const { attr, childWithPrefix, trimmedLowerCase, visibleText } = treeModule;

/**
 * One macro occurrence read from `ac:structured-macro` (or legacy `ac:macro`): its name,
 * parameters as display strings, and its rich or plain body.
 */
export interface MacroCall {
  /** Lower-cased `ac:name` ('' when missing). */
  name: string;
  /** The name as written, for labels. */
  displayName: string;
  /** Parameter values by name; the unnamed (default) parameter is under ''. */
  parameters: Map<string, string>;
  richBody: ElementNode | undefined;
  /** Text of `ac:plain-text-body` (CDATA and text joined), or undefined. */
  plainBody: string | undefined;
  element: ElementNode;
}

/** Reads a macro element. */
export function readMacroCall(element: ElementNode): MacroCall {
  const displayName = attr(element, 'ac:name') ?? '';
  const parameters = new Map<string, string>();
  let richBody: ElementNode | undefined;
  let plainBody: string | undefined;
  const children = element.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type !== 'element') continue;
    switch (child.name) {
      case 'ac:parameter':
        parameters.set(attr(child, 'ac:name') ?? '', parameterValue(child));
        break;
      case 'ac:default-parameter':
        parameters.set('', parameterValue(child));
        break;
      case 'ac:rich-text-body':
        richBody ??= child;
        break;
      case 'ac:plain-text-body':
        plainBody ??= textOf(child);
        break;
    }
  }
  return {
    name: trimmedLowerCase(displayName),
    displayName,
    parameters,
    richBody,
    plainBody,
    element,
  };
}

function textOf(element: ElementNode): string {
  let text = '';
  const children = element.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'text' || child.type === 'cdata') text += child.value;
  }
  return text;
}

/**
 * A parameter as text. Values may be markup (`ri:page`, `ri:space`, `ac:link` …); those are
 * described the way Confluence's macro browser shows them (`SPACE:Title`, a space key …).
 */
function parameterValue(parameter: ElementNode): string {
  let out = '';
  const children = parameter.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'text' || child.type === 'cdata') out += child.value;
    else if (child.type === 'element') {
      const resource = child.prefix === 'ri' ? child : childWithPrefix(child, 'ri');
      const described = resource === undefined ? undefined : describeResource(resource);
      out += described ?? visibleText(child);
    }
  }
  return out;
}

function describeResource(resource: ElementNode): string | undefined {
  const space = attr(resource, 'ri:space-key');
  switch (resource.name) {
    case 'ri:page':
    case 'ri:blog-post': {
      const title = attr(resource, 'ri:content-title') ?? '';
      return space !== undefined ? `${space}:${title}` : title;
    }
    case 'ri:space':
      return space ?? '';
    case 'ri:attachment':
      return attr(resource, 'ri:filename') ?? '';
    case 'ri:url':
      return attr(resource, 'ri:value') ?? '';
    case 'ri:user':
      return (
        attr(resource, 'ri:account-id') ??
        attr(resource, 'ri:userkey') ??
        attr(resource, 'ri:username') ??
        ''
      );
    default:
      return undefined;
  }
}

/** A boolean parameter (`true`/`false`, any case), or `fallback` when absent or unreadable. */
export function booleanParameter(call: MacroCall, name: string, fallback: boolean): boolean {
  const raw = call.parameters.get(name);
  const value = raw === undefined ? undefined : trimmedLowerCase(raw);
  if (value === 'true') return true;
  if (value === 'false') return false;
  return fallback;
}

/** A parameter trimmed, or undefined when absent or blank. */
export function textParameter(call: MacroCall, name: string): string | undefined {
  const value = call.parameters.get(name)?.trim();
  return value === undefined || value === '' ? undefined : value;
}
