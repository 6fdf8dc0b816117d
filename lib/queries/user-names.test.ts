import { describe, expect, it } from 'vitest';

import {
  LOADING_NAME_LABEL,
  mentionedUserIds,
  mentionNameResolver,
  unknownUserNames,
} from './user-names';

describe('mentionedUserIds', () => {
  it('finds Cloud account ids and Data Center user keys and usernames, once each', () => {
    const body =
      '<p><ac:link><ri:user ri:account-id="5f3a02" /></ac:link> and ' +
      '<ac:link><ri:user ri:userkey="8a7f0002"/></ac:link>, <ri:user ri:username="alex" />, ' +
      '<ac:link><ri:user ri:account-id="5f3a02" /></ac:link></p>';
    expect(mentionedUserIds(body)).toEqual(['5f3a02', '8a7f0002', 'alex']);
  });

  it('skips values that cannot be user ids', () => {
    expect(mentionedUserIds('<ri:user ri:account-id="a b&lt;" />')).toEqual([]);
  });
});

describe('mentionNameResolver', () => {
  it('shows the loading label until names arrive, then the name, else the id', () => {
    expect(mentionNameResolver(undefined)({ accountId: 'x' })).toBe(LOADING_NAME_LABEL);
    const resolve = mentionNameResolver({ x: 'Alex Other' });
    expect(resolve({ accountId: 'x' })).toBe('Alex Other');
    expect(resolve({ userKey: 'y' })).toBeNull();
  });
});

describe('unknownUserNames', () => {
  it('labels people like the server does when their lookup failed', () => {
    const resolve = mentionNameResolver(unknownUserNames(['5f3a1b2c3d4e5f6a7b8c9d02']));
    expect(resolve({ accountId: '5f3a1b2c3d4e5f6a7b8c9d02' })).toBe('Unknown user (5f3a1b2c…)');
  });
});
