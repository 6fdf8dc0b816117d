/** The shapes the navigation routes answer with, for components (which may not import lib/confluence). */
export type { MovePageResult } from '@/lib/confluence/move-page';
export type { PageNeighbourhood, TreeNode } from '@/lib/confluence/page-tree';
export type { TitleMatch } from '@/lib/confluence/search';
