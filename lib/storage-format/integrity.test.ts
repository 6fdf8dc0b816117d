import { describe, expect, it } from 'vitest';

import { formatStorage } from './format';
import { collectKeepsakes, findRemovals } from './integrity';
import { readCorpus } from './testing/corpus';

const comment = (ref: string, text: string) =>
  `<ac:inline-comment-marker ac:ref="${ref}">${text}</ac:inline-comment-marker>`;
const mention = (attribute: string, value: string) =>
  `<ac:link><ri:user ${attribute}="${value}"/></ac:link>`;
const task = (id: string, text: string) =>
  `<ac:task><ac:task-id>${id}</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>${text}</ac:task-body></ac:task>`;

const LOADED = [
  `<p>Intro ${comment('c1', 'first remark')} and ${comment('c2', 'second')} and ${comment('c3', 'third')}.</p>`,
  `<p>Ask ${mention('ri:account-id', '5b10ac8d82e05b22cc7d4ef5')} or ${mention('ri:userkey', 'ff8080817')} or ${mention('ri:username', 'alex')}.</p>`,
  `<ac:task-list>${task('7', 'Ship <strong>it</strong>')}${task('8', '')}</ac:task-list>`,
  '<p><ac:image><ri:attachment ri:filename="diagram.png"/></ac:image>',
  '<ac:link><ri:attachment ri:filename="spec.pdf"><ri:page ri:content-title="Specs"/></ri:attachment></ac:link></p>',
  '<ac:structured-macro ac:name="anchor" ac:macro-id="m-1"><ac:parameter ac:name="">top</ac:parameter></ac:structured-macro>',
  '<ac:structured-macro ac:name="info" ac:local-id="l-9"><ac:rich-text-body><p>i</p></ac:rich-text-body></ac:structured-macro>',
  '<p><ac:link ac:anchor="top"><ac:plain-text-link-body><![CDATA[Back]]></ac:plain-text-link-body></ac:link></p>',
].join('');

describe('collectKeepsakes', () => {
  it('finds every kind the guard watches, in document order', () => {
    expect(collectKeepsakes(LOADED).map(({ kind, key }) => `${kind}=${key}`)).toEqual([
      'inline-comment=c1',
      'inline-comment=c2',
      'inline-comment=c3',
      'user-mention=account:5b10ac8d82e05b22cc7d4ef5',
      'user-mention=userkey:ff8080817',
      'user-mention=username:alex',
      'task=7',
      'task=8',
      'attachment=diagram.png',
      'attachment=Specs::spec.pdf',
      'anchor=top',
      'macro-id=macro:m-1',
      'macro-id=local:l-9',
      'anchor-link=top',
    ]);
  });

  it('treats a comment split over several markers as one comment', () => {
    const body = `<p>${comment('c1', 'one')} <strong>${comment('c1', 'two')}</strong></p>`;
    expect(collectKeepsakes(body)).toEqual([
      { kind: 'inline-comment', key: 'c1', label: '“one two”' },
    ]);
  });
});

describe('findRemovals', () => {
  it('reports nothing when the body only changes text and layout', () => {
    const edited = formatStorage(LOADED.replace('Intro', 'Introduction'));
    expect(findRemovals(LOADED, edited)).toEqual({ groups: [], total: 0, summary: null });
  });

  it('says exactly which inline comments a save removes', () => {
    const next = LOADED.replace(comment('c1', 'first remark'), 'first remark')
      .replace(comment('c2', 'second'), 'second')
      .replace(comment('c3', 'third'), 'third');
    const report = findRemovals(LOADED, next);
    expect(report.total).toBe(3);
    expect(report.groups).toEqual([
      {
        kind: 'inline-comment',
        count: 3,
        heading: '3 inline comments',
        items: ['“first remark”', '“second”', '“third”'],
      },
    ]);
    expect(report.summary).toBe(
      'This save removes 3 inline comments: “first remark”, “second”, “third”.',
    );
  });

  it('groups several kinds in one sentence', () => {
    const next = LOADED.replace(mention('ri:username', 'alex'), 'Alex')
      .replace(task('8', ''), '')
      .replace(
        '<ri:attachment ri:filename="diagram.png"/>',
        '<ri:url ri:value="https://x.test/d.png"/>',
      )
      .replace(' ac:local-id="l-9"', '');
    const report = findRemovals(LOADED, next);
    expect(report.groups.map((g) => g.heading)).toEqual([
      '1 user mention',
      '1 task',
      '1 attachment reference',
      '1 macro id',
    ]);
    expect(report.summary).toBe(
      'This save removes 1 user mention: alex; 1 task: task 8; 1 attachment reference: diagram.png; and 1 macro id: info macro (l-9).',
    );
  });

  it('counts copies: dropping one of two mentions of a person is a removal', () => {
    const twice = `<p>${mention('ri:username', 'alex')} ${mention('ri:username', 'alex')}</p>`;
    const once = `<p>${mention('ri:username', 'alex')}</p>`;
    expect(findRemovals(twice, once).total).toBe(1);
    expect(findRemovals(once, twice).total).toBe(0);
  });

  it('names anchors, anchor links and attachments on other pages', () => {
    const next = LOADED.replace(
      /<ac:structured-macro ac:name="anchor".*?<\/ac:structured-macro>/,
      '',
    )
      .replace(' ac:anchor="top"', '')
      .replace(/<ac:link><ri:attachment ri:filename="spec.pdf">.*?<\/ac:link>/, '');
    const report = findRemovals(LOADED, next);
    expect(report.groups.map((g) => [g.heading, g.items])).toEqual([
      ['1 attachment reference', ['spec.pdf (on “Specs”)']],
      ['1 anchor', ['#top']],
      ['1 link to an anchor', ['#top']],
      ['1 macro id', ['anchor macro (m-1)']],
    ]);
  });

  it('shortens long lists and long texts', () => {
    const many = Array.from({ length: 8 }, (_, i) => comment(`r${i}`, `remark ${i}`)).join(' ');
    const summary = findRemovals(`<p>${many}</p>`, '<p/>').summary!;
    expect(summary).toContain(
      '8 inline comments: “remark 0”, “remark 1”, “remark 2”, “remark 3”, “remark 4” and 3 more',
    );
    const long = comment('x', 'a'.repeat(100));
    expect(findRemovals(`<p>${long}</p>`, '<p/>').groups[0]!.items[0]).toBe(`“${'a'.repeat(39)}…”`);
  });

  it.each(readCorpus('valid'))('valid/$name: formatting removes nothing', ({ body }) => {
    expect(findRemovals(body, formatStorage(body)).total).toBe(0);
  });
});
