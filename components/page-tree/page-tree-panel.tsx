'use client';

import Link from 'next/link';
import { type MouseEvent, type ReactNode, useId, useState } from 'react';

import type { TreeNode } from '@/lib/queries/navigation-types';
import { usePageTree, useTreeChildren } from '@/lib/queries/page-tree';

import { ErrorAlert } from '@/components/ui/error-alert';

import styles from './page-tree.module.css';

export interface PageTreePanelProps {
  page: { id: string; title: string };
  /** The editor's leave guard: asks before a click leaves unsaved changes. */
  guardLink: (event: MouseEvent<HTMLAnchorElement>) => void;
}

/**
 * "Page tree": a collapsible panel with the page's ancestors, its siblings and its children.
 * Nothing is fetched until it is opened; a node's children load when it is expanded. Folders
 * (Cloud) show as folders: they can be expanded but have no page to open.
 */
export function PageTreePanel({ page, guardLink }: PageTreePanelProps) {
  const [open, setOpen] = useState(false);
  const regionId = useId();
  return (
    <section className={styles.panel} aria-label="Page tree">
      <button
        type="button"
        className="button button-quiet"
        aria-expanded={open}
        aria-controls={regionId}
        onClick={() => setOpen((value) => !value)}
      >
        {open ? 'Hide page tree' : 'Page tree'}
      </button>
      <div id={regionId} hidden={!open}>
        {open && <TreeBody page={page} guardLink={guardLink} />}
      </div>
    </section>
  );
}

function TreeBody({ page, guardLink }: PageTreePanelProps) {
  const tree = usePageTree(page.id, true);
  if (tree.isPending) return <p role="status">Loading the page tree…</p>;
  if (tree.isError) return <ErrorAlert error={tree.error} />;
  const { ancestors, siblings, children } = tree.data;
  const current: TreeNode = { id: page.id, title: page.title, kind: 'page' };
  const level = (nodes: TreeNode[]) =>
    nodes.map((node) =>
      node.id === page.id ? (
        <Node key={node.id} node={current} isCurrent guardLink={guardLink} known={children} />
      ) : (
        <Node key={node.id} node={node} guardLink={guardLink} />
      ),
    );
  // Innermost first: the parent's children (siblings, the page among them), wrapped by each
  // ancestor in turn up to the root.
  let inner: ReactNode = <ul>{level(siblings.length > 0 ? siblings : [current])}</ul>;
  for (const ancestor of [...ancestors].reverse()) {
    inner = (
      <ul>
        <Node node={ancestor} guardLink={guardLink} expandedWith={inner} />
      </ul>
    );
  }
  return (
    <nav aria-label="Pages around this one" className={styles.tree}>
      {inner}
    </nav>
  );
}

interface NodeProps {
  node: TreeNode;
  guardLink: PageTreePanelProps['guardLink'];
  isCurrent?: boolean;
  /** Children already known (the open page's): shown expanded without another request. */
  known?: TreeNode[];
  /** An ancestor: already expanded, holding the next level down. */
  expandedWith?: ReactNode;
}

function Node({ node, guardLink, isCurrent, known, expandedWith }: NodeProps) {
  const [expanded, setExpanded] = useState(Boolean(known) || expandedWith !== undefined);
  const children = useTreeChildren(node, expanded && !known && expandedWith === undefined);
  const list = known ?? children.data;
  const label = (
    <>
      {node.kind === 'folder' && <span className={styles.folder}>Folder</span>}
      {node.title}
    </>
  );
  return (
    <li>
      <div className={styles.row}>
        <button
          type="button"
          className={styles.toggle}
          aria-expanded={expanded}
          aria-label={`${expanded ? 'Collapse' : 'Expand'} ${node.title}`}
          onClick={() => setExpanded((value) => !value)}
        >
          {expanded ? '▾' : '▸'}
        </button>
        {isCurrent ? (
          <span className={styles.current} aria-current="page">
            {label}
          </span>
        ) : node.kind === 'folder' ? (
          <span>{label}</span>
        ) : (
          <Link href={`/pages/${encodeURIComponent(node.id)}`} onClick={guardLink}>
            {label}
          </Link>
        )}
      </div>
      {expanded &&
        (expandedWith ??
          (list ? (
            list.length > 0 ? (
              <ul>
                {list.map((child) => (
                  <Node key={child.id} node={child} guardLink={guardLink} />
                ))}
              </ul>
            ) : (
              <p className={styles.empty}>No child pages</p>
            )
          ) : children.isError ? (
            <ErrorAlert error={children.error} />
          ) : (
            <p className={styles.empty} role="status">
              Loading…
            </p>
          )))}
    </li>
  );
}
