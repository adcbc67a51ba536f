// Who is signed in, for this browser tab: the session token course-service gave and the account it belongs to.
// Kept in sessionStorage (gone when the tab closes) and sent as a bearer token, never as a cookie, so another
// site cannot make this browser act on the user's behalf (CSRF).

const KEY = 'csec.session';

export function current() {
    try {
        return JSON.parse(sessionStorage.getItem(KEY));
    } catch (unreadable) {
        return null;
    }
}

export function begin(session) {
    sessionStorage.setItem(KEY, JSON.stringify({token: session.token, account: session.account}));
}

export function end() {
    sessionStorage.removeItem(KEY);
}

export function account() {
    return current()?.account ?? null;
}

export function hasRole(...roles) {
    const mine = account()?.roles ?? [];
    return roles.some(role => mine.includes(role));
}
