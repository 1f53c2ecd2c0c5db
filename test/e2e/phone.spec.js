// End to end on a phone-sized screen (Android, 412 x 915): the lists fill the screen, an opened record
// takes the screen from them, and the activity bar brings the lists back.
'use strict';
const assert = require('assert');
const { useWorkbench, screenshotPath } = require('./workbench-harness');

describe('MatchPro workbench on a phone', function () {
    const session = useWorkbench();

    it('gives the screen to the lists, then to an opened record, and back', async () => {
        const { context, page } = await session.open({
            viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true, locale: 'fr-FR'
        });
        const lists = page.locator('#matchpro-view-container');
        const width = async locator => (await locator.boundingBox())?.width ?? 0;
        assert.ok(await width(lists) > 300, `the lists take most of the screen (${await width(lists)} px)`);
        assert.ok(!(await page.locator('.theia-app-right').isVisible()), 'no right side bar on a phone');

        await page.locator('.matchpro-new-company').click();
        const form = page.locator('.matchpro-company-form').last();
        await form.waitFor();
        // the left panel collapses: the form gets the width, the lists are hidden
        await page.waitForFunction(() => {
            const f = [...document.querySelectorAll('.matchpro-company-form')].pop();
            return f && f.getBoundingClientRect().width > 300;
        }, undefined, { timeout: 10000 });
        assert.ok(!(await lists.isVisible()), 'the lists are hidden while a record is open');
        await form.locator('input[name=name]').fill('Boulangerie Léa');
        await page.screenshot({ path: screenshotPath('phone-editor.png') });

        // the MatchPro icon of the activity bar brings the lists back
        await page.locator('.theia-app-left .lm-TabBar-tab').first().click();
        await lists.waitFor({ state: 'visible' });
        assert.ok(await width(lists) > 300);
        await context.close();
    });
});
