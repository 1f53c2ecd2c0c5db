// End to end: the built browser workbench in headless Debian Chromium, driven as a user would.
'use strict';
const assert = require('assert');
const { useWorkbench, runCommand, screenshotPath, root } = require('./workbench-harness');

describe('MatchPro workbench in the browser', function () {
    const session = useWorkbench();

    it('shows the MatchPro views, the dashboard and the palette commands', async () => {
        const { context, page } = await session.open({ locale: 'en-US' });
        const container = page.locator('#matchpro-view-container');
        for (const view of ['Candidates', 'Companies', 'Offers']) {
            await container.getByText(view, { exact: true }).first().waitFor();
        }
        await page.locator('.matchpro-dashboard h2', { hasText: 'Dashboard' }).waitFor();
        // The palette list is virtualised: look each command up by name rather than scanning the rows.
        await page.keyboard.press('F1');
        const input = page.locator('.quick-input-widget input');
        for (const command of ['New Company', 'New Offer', 'New Candidate', 'Import CV Files', 'Load Demo Data', 'Open Dashboard',
            'Match Candidates for an Offer', 'Record a Placement', 'AI Providers Settings', 'Back Up Database']) {
            await input.fill(`>MatchPro: ${command}`);
            await page.locator('.quick-input-list .monaco-list-row', { hasText: `MatchPro: ${command}` }).first().waitFor({ timeout: 10000 });
        }
        await page.keyboard.press('Escape');
        await page.screenshot({ path: screenshotPath('workbench.png') });
        await context.close();
    });

    it('creates a company, a contact and an offer through the views and still lists them after a reload', async () => {
        const { context, page } = await session.open({ locale: 'en-US' });
        await page.locator('.matchpro-new-company').click();
        const companyForm = page.locator('.matchpro-company-form').last();
        await companyForm.locator('input[name=name]').fill('Entrepôts Saône Logistique');
        await companyForm.locator('input[name=siret]').fill('73282932000075');
        await companyForm.locator('.matchpro-save').click();
        await companyForm.locator('[role=alert]', { hasText: 'SIRET' }).waitFor();
        await companyForm.locator('input[name=siret]').fill('732 829 320 00074');
        await companyForm.locator('input[name=city]').fill('Mâcon');
        await companyForm.locator('.matchpro-save').click();
        await companyForm.locator('.matchpro-contacts').waitFor();
        await companyForm.locator('input[name=contactFirstName]').fill('Aline');
        await companyForm.locator('input[name=contactLastName]').fill('Perrin');
        await companyForm.locator('input[name=contactEmail]').fill('aline.perrin@example.fr');
        await companyForm.locator('input[name=contactPrincipal]').check();
        await companyForm.locator('.matchpro-add-contact').click();
        await companyForm.locator('.matchpro-contact-list li', { hasText: 'Aline Perrin' }).waitFor();

        await page.locator('.matchpro-new-offer').click();
        const offerForm = page.locator('.matchpro-offer-form').last();
        await offerForm.locator('select[name=companyId] option', { hasText: 'Entrepôts Saône Logistique' }).waitFor({ state: 'attached' });
        await offerForm.locator('select[name=companyId]').selectOption({ label: 'Entrepôts Saône Logistique' });
        await offerForm.locator('input[name=title]').fill('Préparateur de commandes');
        await offerForm.locator('select[name=contractType]').selectOption('mission');
        await offerForm.locator('input[name=city]').fill('Mâcon');
        await offerForm.locator('.matchpro-save').click();
        await offerForm.locator('.matchpro-workflow').waitFor();
        await offerForm.locator('.matchpro-status-active').click();
        await offerForm.locator('.matchpro-history li', { hasText: 'Active' }).waitFor();
        await context.close();

        const reopened = await session.open({ locale: 'en-US' });
        const companies = reopened.page.locator('#matchpro-companies');
        await companies.locator('.matchpro-list-row', { hasText: 'Entrepôts Saône Logistique' }).waitFor();
        const offers = reopened.page.locator('#matchpro-offers');
        const offerRow = offers.locator('.matchpro-list-row', { hasText: 'Préparateur de commandes' });
        await offerRow.waitFor();
        assert.match(await offerRow.innerText(), /Active/);
        await offerRow.dblclick();
        await reopened.page.locator('.matchpro-offer-form h2', { hasText: 'Préparateur de commandes' }).waitFor();
        await reopened.page.screenshot({ path: screenshotPath('offer-editor.png') });
        await reopened.context.close();
    });

    it('loads the demo agency from the palette; candidates open with their parsed profile beside the CV', async () => {
        const { context, page } = await session.open({ locale: 'en-US' });
        await runCommand(page, 'MatchPro: Load Demo Data');
        await page.locator('.theia-notification-message', { hasText: 'Demo data loaded' }).first().waitFor({ timeout: 120000 });
        const candidates = page.locator('#matchpro-candidates');
        await candidates.locator('.matchpro-list-count', { hasText: '12 candidates' }).waitFor();
        await candidates.locator('input[type=search]').fill('cariste');
        await candidates.locator('.matchpro-list-count', { hasText: '4 candidates' }).waitFor();
        await candidates.locator('.matchpro-list-row', { hasText: 'Julien Martin' }).dblclick();
        const editor = page.locator('.matchpro-candidate-form').last();
        await editor.locator('h2', { hasText: 'Julien Martin' }).waitFor();
        assert.strictEqual(await editor.locator('input[name=phone]').inputValue(), '+33612345678');
        assert.match(await editor.locator('input[name=certifications]').inputValue(), /CACES R489 cat\. 3/);
        await page.locator('.matchpro-cv-preview iframe').waitFor();
        await page.screenshot({ path: screenshotPath('candidate-editor.png') });
        // From the candidate's page: the offers that fit them, the cariste offer first.
        await editor.locator('.matchpro-match-candidate').click();
        const offersForJulien = page.locator('#matchpro-matching .matchpro-match-row').first();
        await offersForJulien.waitFor({ timeout: 120000 });
        assert.match(await offersForJulien.innerText(), /Cariste CACES R489/);
        // Matching: the cariste offer ranks the local cariste with CACES 3 first, explains why, and keeps the pipeline status.
        await runCommand(page, 'MatchPro: Match Candidates for an Offer');
        await page.locator('.quick-input-widget input').fill('Cariste CACES');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Cariste CACES R489' }).first().waitFor();
        await page.keyboard.press('Enter');
        const matching = page.locator('#matchpro-matching');
        const firstRow = matching.locator('.matchpro-match-row').first();
        // The view showed Julien's offers just before: wait for the new ranking, whose first row is Julien.
        await page.waitForFunction(() => document.querySelector('#matchpro-matching .matchpro-match-row')?.textContent?.includes('Julien Martin'), undefined, { timeout: 120000 });
        assert.match(await firstRow.innerText(), /Julien Martin/);
        await firstRow.click();
        // Each requirement of the offer is explained with what the CV says about it.
        assert.match(await matching.locator('.matchpro-match-explanation').innerText(), /(Required|Asked) "[^"]*CACES[^"]*": met/);
        await firstRow.locator('select.matchpro-match-status').selectOption('contacted');
        await matching.locator('button', { hasText: 'Rank again' }).click();
        await matching.locator('.matchpro-match-row').first().locator('select.matchpro-match-status').waitFor();
        assert.strictEqual(await matching.locator('.matchpro-match-row').first().locator('select.matchpro-match-status').inputValue(), 'contacted');
        await page.screenshot({ path: screenshotPath('matching.png') });
        // Placement: from the offer's page; the company's page then lists it.
        await runCommand(page, 'MatchPro: Record a Placement…');
        await page.locator('.quick-input-widget input').fill('Cariste CACES');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Cariste CACES R489' }).first().waitFor();
        await page.keyboard.press('Enter');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Julien Martin' }).first().waitFor();
        assert.match(await page.locator('.quick-input-list .monaco-list-row').first().innerText(), /Julien Martin[\s\S]*contacted/, 'the pipeline comes first');
        await page.locator('.quick-input-widget input').fill('Julien');
        await page.keyboard.press('Enter');
        await page.locator('.quick-input-widget input').fill('2026-12-07');
        await page.keyboard.press('Enter');
        await page.locator('.quick-input-widget input').fill('15');
        await page.keyboard.press('Enter');
        await page.locator('.theia-notification-message', { hasText: 'Placement recorded: Julien Martin (1/2 positions filled)' }).first().waitFor();
        await page.locator('#matchpro-companies .matchpro-list-row', { hasText: 'Logistique Rhône Express' }).dblclick();
        await page.locator('.matchpro-company-placements li', { hasText: 'Julien Martin' }).waitFor();
        assert.match(await page.locator('.matchpro-company-offers').innerText(), /Cariste CACES R489 catégorie 3/);
        await runCommand(page, 'MatchPro: Open Dashboard');
        await page.locator('.matchpro-kpi-candidates .matchpro-kpi-value', { hasText: '12' }).waitFor();
        await page.screenshot({ path: screenshotPath('dashboard-demo.png') });
        await context.close();
    });

    it('imports CV files chosen in the browser, lists the failures and keeps the rest', async () => {
        const { context, page } = await session.open({ locale: 'en-US' });
        const fixtures = require('path').join(root, 'extensions', 'candidates', 'test-fixtures');
        const chooser = page.waitForEvent('filechooser');
        await page.locator('.matchpro-import-cvs').click();
        // A 30 MB "scan" is refused in the browser, before it loads the connection; the rest goes on.
        const big = require('path').join(require('os').tmpdir(), `matchpro-e2e-scan-${process.pid}.png`);
        require('fs').writeFileSync(big, Buffer.alloc(30 * 1024 * 1024, 7));
        await (await chooser).setFiles([...['fr-two-columns.pdf', 'truncated.pdf'].map(f => require('path').join(fixtures, f)), big,
            require('path').join(fixtures, 'fr-tables-header.docx')]);
        const summary = page.locator('.theia-notification-message', { hasText: 'imported' }).first();
        await summary.waitFor({ timeout: 120000 });
        const text = await summary.innerText();
        require('fs').rmSync(big, { force: true });
        assert.match(text, /2 imported, 0 updated, 0 duplicates to review, 2 failed \(of 4\)/);
        assert.match(text, /truncated\.pdf: The file is damaged/);
        assert.match(text, /matchpro-e2e-scan-\d+\.png: The file is too large: 30\.0 MB/);
        await context.close();
    });

    it('opens the AI providers settings; nothing is configured by default and the product works without it', async () => {
        const { context, page } = await session.open({ locale: 'en-US' });
        await runCommand(page, 'MatchPro: AI Providers Settings');
        const settings = page.locator('#matchpro-ai-providers');
        await settings.locator('input[type=password]').first().waitFor();
        for (const provider of ['OpenAI', 'Anthropic', 'Google Gemini', 'Mistral']) {
            await settings.locator('select option', { hasText: provider }).first().waitFor({ state: 'attached' });
        }
        await settings.getByText('MatchPro works locally').first().waitFor();
        await page.screenshot({ path: screenshotPath('ai-providers.png') });
        await context.close();
    });

    it('speaks French when the browser language is French', async () => {
        const { context, page } = await session.open({ locale: 'fr-FR' });
        const container = page.locator('#matchpro-view-container');
        for (const view of ['Candidats', 'Entreprises', 'Offres']) {
            await container.getByText(view, { exact: true }).first().waitFor();
        }
        await page.locator('.matchpro-dashboard h2', { hasText: 'Tableau de bord' }).waitFor();
        await page.screenshot({ path: screenshotPath('workbench-fr.png') });
        await context.close();
    });
});
