/**
 * Catalogue data: Confluence's built-in macros that list or report on other content (pages, blog
 * posts, labels, tasks, people, Jira). Their parameter sets grew over many versions and Cloud
 * rewrote several around CQL, so most are marked open-ended: we document what we know and never
 * warn about a parameter we have not heard of.
 */
import type { MacroParameterSpec, MacroSpec } from './macro-catalogue';

const SPACES: MacroParameterSpec = {
  name: 'spaces',
  type: 'space',
  description: 'Spaces to look in (space keys, or <ri:space> elements).',
};
const LABELS: MacroParameterSpec = {
  name: 'labels',
  type: 'string',
  description: 'Only content with these labels (comma-separated).',
};
const MAX: MacroParameterSpec = { name: 'max', type: 'number', description: 'Most items shown.' };
const REVERSE: MacroParameterSpec = {
  name: 'reverse',
  type: 'boolean',
  default: 'false',
  description: 'Reverse the sort order.',
};
const CQL: MacroParameterSpec = {
  name: 'cql',
  type: 'string',
  description: 'CQL query choosing the content (newer versions).',
};

/** A report macro we know only by name and purpose: documented, never second-guessed. */
function openReport(
  name: string,
  title: string,
  description: string,
  parameters: readonly MacroParameterSpec[] = [],
  category: MacroSpec['category'] = 'reporting',
): MacroSpec {
  return {
    name,
    title,
    description,
    category,
    body: 'none',
    inline: false,
    parameters,
    allowsUnknownParameters: true,
  };
}

export const REPORTING_MACROS: readonly MacroSpec[] = [
  {
    name: 'jira',
    aliases: ['jiraissues'],
    title: 'Jira issues',
    description:
      'One Jira issue as an inline link with its status (key), or the issues of a JQL query as a table or a count. jiraissues is its pre-5 name.',
    category: 'external-content',
    body: 'none',
    inline: true,
    parameters: [
      { name: 'server', type: 'string', description: 'Name of the Jira application link.' },
      { name: 'serverId', type: 'string', description: 'Id of the Jira application link.' },
      { name: 'key', type: 'string', description: 'One issue, e.g. ABC-123.' },
      { name: 'jqlQuery', type: 'string', description: 'JQL query listing the issues.' },
      { name: 'columns', type: 'string', description: 'Column names, comma-separated.' },
      { name: 'columnIds', type: 'string', description: 'Column ids, comma-separated.' },
      { name: 'maximumIssues', type: 'number', default: '20', description: 'Most issues shown.' },
      { name: 'count', type: 'boolean', description: 'Show only the number of issues.' },
      { name: 'url', type: 'url', description: 'jiraissues: address of an issue search feed.' },
      { name: 'title', type: 'string', description: 'jiraissues: title of the table.' },
    ],
    // Display options (showSummary, renderMode, cache …) vary with Jira and Confluence versions.
    allowsUnknownParameters: true,
  },
  {
    name: 'children',
    title: 'Children display',
    description: 'A list of the child pages of this page (or of another page).',
    category: 'navigation',
    body: 'none',
    inline: false,
    parameters: [
      { name: 'all', type: 'boolean', description: 'Show all descendants, not just children.' },
      { name: 'allChildren', type: 'boolean', description: 'Same as all (newer editors).' },
      { name: 'depth', type: 'number', description: 'How many levels deep.' },
      { name: 'first', type: 'number', description: 'Show only the first N children (0 = all).' },
      {
        name: 'style',
        type: 'enum',
        values: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
        description: 'Show the pages as headings of this level instead of a list.',
      },
      { name: 'excerpt', type: 'boolean', description: "Show each page's excerpt." },
      { name: 'excerptType', type: 'string', description: 'none, simple or rich content.' },
      {
        name: 'sort',
        type: 'enum',
        values: ['creation', 'title', 'modified'],
        description: 'Sort order (default: manual order, else alphabetical).',
      },
      REVERSE,
      {
        name: 'sortAndReverse',
        type: 'string',
        description: 'Cloud: sort and order in one, e.g. title.true.',
      },
      { name: 'page', type: 'page', description: 'Parent page (SPACE:Title; / = space root).' },
    ],
  },
  {
    name: 'pagetree',
    title: 'Page tree',
    description: 'An expandable tree of the pages of a space, or below a root page.',
    category: 'navigation',
    body: 'none',
    inline: false,
    parameters: [
      { name: 'root', type: 'page', description: 'Top page of the tree (default: space home).' },
      {
        name: 'sort',
        type: 'enum',
        values: ['bitwise', 'creation', 'modified', 'natural', 'position'],
        default: 'position',
        description: 'Sort order.',
      },
      REVERSE,
      { name: 'excerpt', type: 'boolean', default: 'false', description: 'Show page excerpts.' },
      { name: 'searchBox', type: 'boolean', default: 'false', description: 'Add a search box.' },
      {
        name: 'expandCollapseAll',
        type: 'boolean',
        default: 'false',
        description: 'Add "expand all"/"collapse all" links.',
      },
      { name: 'startDepth', type: 'number', default: '1', description: 'Levels open at first.' },
      SPACES,
    ],
    allowsUnknownParameters: true,
  },
  openReport(
    'pagetreesearch',
    'Page tree search',
    'A search box over the pages of a page tree.',
    [{ name: 'rootPage', type: 'page', description: 'Top page of the tree searched.' }],
    'navigation',
  ),
  openReport(
    'recently-updated',
    'Recently updated',
    'A list of the most recently changed content.',
    [
      SPACES,
      LABELS,
      { name: 'types', type: 'string', description: 'Content types: page, blogpost, comment …' },
      MAX,
      {
        name: 'theme',
        type: 'enum',
        values: ['concise', 'social', 'sidebar'],
        description: 'Look.',
      },
      { name: 'hideHeading', type: 'boolean', description: 'Hide the "Recently updated" heading.' },
      { name: 'showProfilePic', type: 'boolean', description: 'Show profile pictures.' },
    ],
  ),
  openReport('blog-posts', 'Blog posts', 'A list of blog posts, with their excerpts or content.', [
    {
      name: 'content',
      type: 'enum',
      values: ['titles', 'excerpts', 'entire'],
      description: 'How much of each post to show.',
    },
    SPACES,
    LABELS,
    MAX,
    { name: 'time', type: 'string', description: 'Only posts newer than this, e.g. 7d.' },
    {
      name: 'sort',
      type: 'enum',
      values: ['title', 'creation', 'modified'],
      description: 'Sort order.',
    },
    REVERSE,
  ]),
  openReport('contentbylabel', 'Content by label', 'A list of the content that has given labels.', [
    LABELS,
    SPACES,
    CQL,
    MAX,
    { name: 'showLabels', type: 'boolean', description: 'Show each item’s labels.' },
    { name: 'showSpace', type: 'boolean', description: 'Show each item’s space.' },
    { name: 'title', type: 'string', description: 'Heading above the list.' },
  ]),
  openReport(
    'livesearch',
    'Live search',
    'A search box that shows results as the reader types.',
    [
      { name: 'spaceKey', type: 'space', description: 'Search only this space.' },
      { name: 'size', type: 'enum', values: ['large', 'medium'], description: 'Size of the box.' },
      { name: 'placeholder', type: 'string', description: 'Hint text in the box.' },
      LABELS,
    ],
    'navigation',
  ),
  openReport(
    'search',
    'Search results',
    'The results of a fixed search query.',
    [
      { name: 'query', type: 'string', required: true, description: 'What to search for.' },
      { name: 'maxLimit', type: 'number', description: 'Most results shown.' },
    ],
    'navigation',
  ),
  openReport(
    'detailssummary',
    'Page properties report',
    'A table of the Page properties (details) of many pages, chosen by label or CQL.',
    [
      { name: 'label', type: 'string', description: 'Pages whose properties carry this label.' },
      CQL,
      SPACES,
      { name: 'headings', type: 'string', description: 'Which property columns to show.' },
      { name: 'firstcolumn', type: 'string', description: 'Title of the first column.' },
      { name: 'sortBy', type: 'string', description: 'Column to sort by.' },
      REVERSE,
      { name: 'pageSize', type: 'number', description: 'Rows per page.' },
      { name: 'id', type: 'string', description: 'Which Page properties macro (its id) to read.' },
    ],
    'content-reuse',
  ),
  openReport(
    'content-report-table',
    'Content report table',
    'A table of pages with given labels and their authors and dates.',
    [LABELS, SPACES, MAX],
  ),
  openReport(
    'tasks-report-macro',
    'Task report',
    'A table of the tasks of chosen pages, spaces or people.',
    [
      SPACES,
      { name: 'pages', type: 'page', description: 'Tasks of these pages.' },
      LABELS,
      {
        name: 'status',
        type: 'enum',
        values: ['complete', 'incomplete'],
        description: 'Task status.',
      },
      { name: 'assignees', type: 'user', description: 'Tasks assigned to these people.' },
      { name: 'columns', type: 'string', description: 'Columns to show.' },
      { name: 'pageSize', type: 'number', description: 'Rows per page.' },
    ],
  ),
  openReport('popular-labels', 'Popular labels', 'The most used labels, as a list or a heatmap.', [
    { name: 'count', type: 'number', description: 'How many labels.' },
    { name: 'spaceKey', type: 'space', description: 'Only labels of this space.' },
    { name: 'style', type: 'enum', values: ['list', 'heatmap'], description: 'List or heatmap.' },
  ]),
  openReport('listlabels', 'Labels list', 'All labels of a space, alphabetically.', [
    { name: 'spaceKey', type: 'space', description: 'The space.' },
  ]),
  openReport(
    'related-labels',
    'Related labels',
    'Labels often used together with this page’s labels.',
  ),
  openReport(
    'contributors',
    'Contributors',
    'The people who edited or commented on pages.',
    [],
    'people',
  ),
  openReport(
    'contributors-summary',
    'Contributors summary',
    'A table of contributions per person or per page.',
    [],
    'people',
  ),
  openReport('change-history', 'Change history', 'The version history of this page.'),
  openReport(
    'page-index',
    'Page index',
    'An alphabetical index of all pages of the space.',
    [],
    'navigation',
  ),
  openReport('spaces', 'Spaces list', 'A list of the spaces of the site.', [], 'navigation'),
  openReport('space-details', 'Space details', 'A table of facts about the space.'),
  {
    ...openReport(
      'create-from-template',
      'Create from template',
      'A button that creates a page from a template.',
    ),
    inline: true,
  },
  {
    ...openReport(
      'create-space-button',
      'Create space button',
      'An icon button that creates a space.',
    ),
    inline: true,
  },
  openReport(
    'profile',
    'User profile',
    "A person's profile card: picture, name and contact details.",
    [{ name: 'user', type: 'user', required: true, description: 'The person (<ri:user>).' }],
    'people',
  ),
  {
    ...openReport(
      'profile-picture',
      'Profile picture',
      "A person's profile picture.",
      [{ name: 'User', type: 'user', description: 'The person (<ri:user>).' }],
      'people',
    ),
    inline: true,
  },
  openReport('user-list', 'User list', 'The members of groups, with their details.', [], 'people'),
  openReport('network', 'Network', 'The people someone follows or is followed by.', [], 'people'),
  openReport(
    'rss',
    'RSS feed',
    'The entries of an RSS or Atom feed.',
    [{ name: 'url', type: 'url', required: true, description: 'Address of the feed.' }, MAX],
    'external-content',
  ),
  openReport(
    'html-include',
    'HTML include',
    'The HTML of a web page, when the administrator enables it. Never rendered live by Pagewright.',
    [{ name: 'url', type: 'url', required: true, description: 'Address of the page.' }],
    'external-content',
  ),
  openReport(
    'iframe',
    'Iframe',
    'Another web page in a frame, when the administrator enables it.',
    [{ name: 'src', type: 'url', required: true, description: 'Address of the framed page.' }],
    'external-content',
  ),
  {
    ...openReport(
      'chart',
      'Chart',
      'A chart (pie, bar, line …) drawn from the table(s) in its body.',
      [
        {
          name: 'type',
          type: 'enum',
          values: [
            'pie',
            'bar',
            'line',
            'area',
            'xyArea',
            'xyBar',
            'xyLine',
            'xyStep',
            'xyStepArea',
            'scatter',
            'timeSeries',
            'gantt',
          ],
          default: 'pie',
          description: 'Kind of chart.',
        },
        { name: 'title', type: 'string', description: 'Chart title.' },
        { name: 'width', type: 'number', description: 'Width in pixels.' },
        { name: 'height', type: 'number', description: 'Height in pixels.' },
      ],
      'diagrams-and-maths',
    ),
    body: 'rich',
  },
  openReport(
    'roadmap',
    'Roadmap planner',
    'A timeline of bars and markers; its whole state is stored URL-encoded in the source parameter.',
    [
      { name: 'source', type: 'string', description: 'URL-encoded JSON of the roadmap.' },
      { name: 'title', type: 'string', description: 'URL-encoded title.' },
      { name: 'timeline', type: 'boolean', description: 'Show the timeline.' },
    ],
    'diagrams-and-maths',
  ),
];
