/**
 * Why a page may not go under `newParentId`, or null when it may: not under itself, not under
 * one of its own descendants (the new parent's ancestors would then include the page), and not
 * where it already is.
 */
export function moveRefusal(
  page: { id: string; parentId: string | null },
  newParentId: string,
  newParentAncestorIds: readonly string[],
): string | null {
  if (newParentId === page.id) return 'A page cannot be moved under itself.';
  if (newParentAncestorIds.includes(page.id)) {
    return 'A page cannot be moved under one of its own descendants.';
  }
  if (newParentId === page.parentId) return 'The page is already under this parent.';
  return null;
}
