import type { AttachmentRecord, EmulatorData, PageRecord } from '../store/types';
import {
  ATTACHMENTS_BODY,
  DEMO_HOME_BODY,
  MACRO_SHOWCASE_BODY,
  SANDBOX_BODY,
  largeMixedOneLineBody,
  largeTablesBody,
  simpleBody,
} from './bodies';
import { CLOUD_EDITOR_BODY } from './cloud-editor-body';
import { toConfluenceLayout } from './confluence-layout';
import { diagramSvg, gradientPng } from './images';
import { SEED_USERS } from './users';

/** Well-known ids of the seed (also documented in the README). */
export const SEED_IDS = {
  demoSpaceId: 98306,
  teamSpaceId: 98307,
  demoHome: '9469953',
  sandbox: '9470040',
  macroShowcase: '9470041',
  largePage: '9470042',
  attachmentsPage: '9470043',
  treeLevel1: '9470044',
  treeLevel2: '9470045',
  treeLevel3: '9470046',
  releaseNotes: '9470047',
  roadmap: '9470048',
  privateNotes: '9470049',
  lockedPolicy: '9470050',
  cloudEditorPage: '9470051',
  largeOneLinePage: '9470052',
  designFolder: '9470060',
  architecturePage: '9470061',
  decisionLogPage: '9470062',
  teamHome: '9470100',
  teamSandbox: '9470101',
} as const;

const SEEDED_AT = '2025-01-15T09:30:00.000Z';
const [demo, alex] = SEED_USERS as [(typeof SEED_USERS)[0], (typeof SEED_USERS)[0]];

interface PageSpec {
  id: string;
  spaceKey: string;
  parentId: string | null;
  title: string;
  body: string;
  viewers?: string[];
  editors?: string[];
  attachments?: AttachmentRecord[];
  /** Extra versions before the current one, to show history. */
  priorVersions?: number;
  /**
   * `as-written`: kept on the lines it is written on, as tools like mark and md2conf store pages.
   * Default: one line, as Confluence's own editor stores them (toConfluenceLayout).
   */
  layout?: 'as-written';
}

function page(spec: PageSpec, position: number): PageRecord {
  const history = Array.from({ length: spec.priorVersions ?? 0 }, (_, index) => ({
    number: index + 1,
    title: spec.title,
    body: `<p>Version ${index + 1} of ${spec.title}.</p>`,
    parentId: spec.parentId,
    authorKey: index % 2 === 0 ? demo.key : alex.key,
    when: new Date(Date.parse(SEEDED_AT) - (10 - index) * 86_400_000).toISOString(),
    message: index === 0 ? 'Initial draft' : `Edit ${index + 1}`,
    minorEdit: false,
  }));
  return {
    id: spec.id,
    spaceKey: spec.spaceKey,
    status: 'current',
    current: {
      number: history.length + 1,
      title: spec.title,
      body: spec.layout === 'as-written' ? spec.body : toConfluenceLayout(spec.body),
      parentId: spec.parentId,
      authorKey: demo.key,
      when: SEEDED_AT,
      message: '',
      minorEdit: false,
    },
    history,
    createdAt: history[0]?.when ?? SEEDED_AT,
    createdBy: demo.key,
    position,
    ...(spec.viewers ? { viewers: spec.viewers } : {}),
    ...(spec.editors ? { editors: spec.editors } : {}),
    attachments: spec.attachments ?? [],
    labels: [],
  };
}

function attachment(
  id: string,
  title: string,
  mediaType: string,
  bytes: Buffer,
  comment: string,
): AttachmentRecord {
  return {
    id,
    title,
    mediaType,
    data: bytes.toString('base64'),
    fileSize: bytes.length,
    version: 1,
    created: SEEDED_AT,
    authorKey: demo.key,
    comment,
  };
}

/** Builds the demo data set from scratch (deterministic: same data every call). */
export function buildSeed(): EmulatorData {
  const ids = SEED_IDS;
  const specs: PageSpec[] = [
    {
      id: ids.demoHome,
      spaceKey: 'DEMO',
      parentId: null,
      title: 'Demo Home',
      body: DEMO_HOME_BODY,
    },
    {
      id: ids.sandbox,
      spaceKey: 'DEMO',
      parentId: ids.demoHome,
      title: 'Sandbox',
      body: SANDBOX_BODY,
      priorVersions: 2,
      // The hand-laid page; e2e specs type at its lines.
      layout: 'as-written',
    },
    {
      id: ids.macroShowcase,
      spaceKey: 'DEMO',
      parentId: ids.demoHome,
      title: 'Macro showcase',
      body: MACRO_SHOWCASE_BODY,
    },
    {
      id: ids.largePage,
      spaceKey: 'DEMO',
      parentId: ids.demoHome,
      title: 'Large page (200 KB of tables)',
      body: largeTablesBody(),
    },
    {
      id: ids.attachmentsPage,
      spaceKey: 'DEMO',
      parentId: ids.demoHome,
      title: 'Page with attachments',
      body: ATTACHMENTS_BODY,
      attachments: [
        attachment(
          'att9470060',
          'gradient.png',
          'image/png',
          gradientPng(32, [0, 82, 204], [54, 179, 126]),
          'A gradient',
        ),
        attachment(
          'att9470061',
          'diagram.svg',
          'image/svg+xml',
          diagramSvg(),
          'Architecture sketch',
        ),
        attachment(
          'att9470062',
          'notes.txt',
          'text/plain',
          Buffer.from('Meeting notes\n- ship the emulator\n', 'utf8'),
          '',
        ),
      ],
    },
    {
      id: ids.treeLevel1,
      spaceKey: 'DEMO',
      parentId: ids.demoHome,
      title: 'Tree level 1',
      body: simpleBody('Level 1', 'Top of a three-level tree.'),
    },
    {
      id: ids.treeLevel2,
      spaceKey: 'DEMO',
      parentId: ids.treeLevel1,
      title: 'Tree level 2',
      body: simpleBody('Level 2', 'Middle of the tree.'),
    },
    {
      id: ids.treeLevel3,
      spaceKey: 'DEMO',
      parentId: ids.treeLevel2,
      title: 'Tree level 3',
      body: simpleBody('Level 3', 'Ancestors: Demo Home, Tree level 1, Tree level 2.'),
    },
    {
      id: ids.releaseNotes,
      spaceKey: 'DEMO',
      parentId: ids.demoHome,
      title: 'Release notes',
      body: simpleBody('Release notes', 'Rename another page to this title to see the clash.'),
    },
    {
      id: ids.roadmap,
      spaceKey: 'DEMO',
      parentId: ids.demoHome,
      title: 'Roadmap',
      body: simpleBody('Roadmap', 'Another title a rename can clash with.'),
    },
    {
      id: ids.privateNotes,
      spaceKey: 'DEMO',
      parentId: ids.demoHome,
      title: 'Private notes',
      body: simpleBody('Private notes', 'Only demo and alex may see this page; reader gets 404.'),
      viewers: ['demo', 'alex'],
    },
    {
      id: ids.lockedPolicy,
      spaceKey: 'DEMO',
      parentId: ids.demoHome,
      title: 'Locked policy',
      body: simpleBody(
        'Locked policy',
        'Everyone can read this page; only alex may edit it (demo gets 403).',
      ),
      editors: ['alex'],
    },
    {
      id: ids.cloudEditorPage,
      spaceKey: 'DEMO',
      parentId: ids.demoHome,
      title: 'Cloud editor page',
      body: CLOUD_EDITOR_BODY,
    },
    {
      id: ids.largeOneLinePage,
      spaceKey: 'DEMO',
      parentId: ids.demoHome,
      title: 'Large one-line page (300 KB of tables and macros)',
      body: largeMixedOneLineBody(),
    },
    {
      id: ids.architecturePage,
      spaceKey: 'DEMO',
      parentId: ids.designFolder,
      title: 'Architecture overview',
      body: simpleBody('Architecture overview', 'A page in the Design docs folder (Cloud).'),
    },
    {
      id: ids.decisionLogPage,
      spaceKey: 'DEMO',
      parentId: ids.designFolder,
      title: 'Decision log',
      body: simpleBody('Decision log', 'Another page in the Design docs folder (Cloud).'),
    },
    {
      id: ids.teamHome,
      spaceKey: 'TEAM',
      parentId: null,
      title: 'Team Home',
      body: simpleBody('Team space', 'A second space.'),
    },
    {
      id: ids.teamSandbox,
      spaceKey: 'TEAM',
      parentId: ids.teamHome,
      title: 'Sandbox',
      body: simpleBody('Team sandbox', 'Same title as in DEMO: titles are unique per space only.'),
    },
  ];
  return {
    schema: 'pagewright-emulator/1',
    nextId: 9470200,
    users: SEED_USERS.map((user) => ({ ...user })),
    spaces: [
      {
        id: ids.demoSpaceId,
        key: 'DEMO',
        name: 'Demo space',
        homePageId: ids.demoHome,
        description: 'Pages for trying Pagewright.',
      },
      {
        id: ids.teamSpaceId,
        key: 'TEAM',
        name: 'Team space',
        homePageId: ids.teamHome,
        description: 'A second space.',
      },
    ],
    pages: specs.map((spec, index) => page(spec, index)),
    // Cloud shows the folder with its pages; Data Center lists them under Demo Home.
    folders: [
      {
        id: ids.designFolder,
        spaceKey: 'DEMO',
        title: 'Design docs',
        parentId: ids.demoHome,
        position: specs.length,
        createdAt: SEEDED_AT,
        createdBy: demo.key,
      },
    ],
  };
}
