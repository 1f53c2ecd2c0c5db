/** The hosted mode's sign-in page: one self-contained HTML page (no script), in French or English. */
export type PageLanguage = 'fr' | 'en';

const TEXT = {
    fr: {
        title: 'Connexion — MatchPro', heading: 'Connexion à MatchPro', name: 'Identifiant', password: 'Mot de passe', submit: 'Se connecter',
        wrong: 'Identifiant ou mot de passe incorrect.', locked: (minutes: number) => `Trop de tentatives : réessayez dans ${minutes} min.`,
        signedOut: 'Vous êtes déconnecté.', expired: 'Votre session a expiré : reconnectez-vous.'
    },
    en: {
        title: 'Sign in — MatchPro', heading: 'Sign in to MatchPro', name: 'User name', password: 'Password', submit: 'Sign in',
        wrong: 'Wrong user name or password.', locked: (minutes: number) => `Too many attempts: try again in ${minutes} min.`,
        signedOut: 'You are signed out.', expired: 'Your session has expired: sign in again.'
    }
};

export type LoginNotice = { kind: 'wrong' } | { kind: 'locked'; minutes: number } | { kind: 'signed-out' } | { kind: 'expired' };

export function preferredLanguage(acceptLanguage: string | undefined): PageLanguage {
    const first = (acceptLanguage ?? '').split(',')[0].trim().toLowerCase();
    return first.startsWith('en') ? 'en' : 'fr';
}

export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function renderLoginPage(lang: PageLanguage, styleNonce: string, notice?: LoginNotice, name = ''): string {
    const t = TEXT[lang];
    const message = !notice ? '' : notice.kind === 'wrong' ? t.wrong : notice.kind === 'locked' ? t.locked(notice.minutes)
        : notice.kind === 'signed-out' ? t.signedOut : t.expired;
    const role = notice && (notice.kind === 'wrong' || notice.kind === 'locked') ? 'alert' : 'status';
    return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title>
<style nonce="${styleNonce}">
body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center; background: #f3f4f6;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1f2937; }
form { box-sizing: border-box; background: #fff; padding: 2rem 1.5rem; border-radius: 8px; box-shadow: 0 2px 10px rgba(0,0,0,.12); width: min(24rem, calc(100vw - 2rem)); }
h1 { font-size: 1.3rem; margin: 0 0 1.2rem; }
label { display: block; font-size: .9rem; margin: .8rem 0 .3rem; }
input { box-sizing: border-box; width: 100%; padding: .6rem; font-size: 1rem; border: 1px solid #9ca3af; border-radius: 4px; }
button { margin-top: 1.4rem; width: 100%; padding: .7rem; font-size: 1rem; background: #1d4ed8; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
button:focus, input:focus { outline: 3px solid #93c5fd; }
.notice { margin: 0 0 .6rem; padding: .6rem; border-radius: 4px; background: #fef3c7; }
</style>
</head>
<body>
<form method="post" action="/login" class="matchpro-login">
<h1>${t.heading}</h1>
${message ? `<p class="notice" role="${role}">${escapeHtml(message)}</p>` : ''}
<label for="name">${t.name}</label>
<input id="name" name="name" autocomplete="username" required maxlength="64" value="${escapeHtml(name)}" autofocus>
<label for="password">${t.password}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024">
<button type="submit">${t.submit}</button>
</form>
</body>
</html>
`;
}
