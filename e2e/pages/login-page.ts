import { expect, type Locator, type Page } from '@playwright/test';

export type DemoPerson = 'Demo User' | 'Alex Other' | 'Robin Reader';
export type Flavour = 'Data Center' | 'Cloud';

/** The sign-in page (`/login`) in demo mode, where each demo account is one button. */
export class LoginPage {
  constructor(
    readonly page: Page,
    readonly appUrl: string,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(`${this.appUrl}/login`);
  }

  demoAccountButton(person: DemoPerson, flavour: Flavour, within: Page | Locator = this.page) {
    return within.getByRole('button', {
      name: new RegExp(`Use demo account: ${person} — ${flavour}`),
    });
  }

  /** The Open screen's field, which appears once signed in. */
  get pageIdField(): Locator {
    return this.page.getByLabel('Page ID, URL or title');
  }

  /** Signs in with one click on a demo account and waits for the Open screen. */
  async signInAsDemo(person: DemoPerson = 'Demo User', flavour: Flavour = 'Data Center') {
    await this.goto();
    await this.demoAccountButton(person, flavour).click();
    await expect(this.pageIdField).toBeVisible();
  }
}
