// The two services' APIs, as the pages call them. Pages do nothing the API does not: every rule and every
// access check is the server's. course-service is this page's own origin; certificate-service is its sibling
// under the same host (/certificates), as deploy/nginx/csec.conf and the demo serve them.

import * as session from './session.js';

const COURSE = 'api/v1';
const CERTIFICATES = '../certificates/api/v1';

/** An answer other than 2xx: its status and problem document (detail, field errors, per-row report). */
export class ApiError extends Error {
    constructor(status, problem, retryAfter) {
        super(problem?.detail || problem?.title || 'HTTP ' + status);
        this.status = status;
        this.problem = problem || {};
        this.retryAfterSeconds = Number(retryAfter) || null;
    }

    get fieldErrors() {
        return this.problem.errors || [];
    }

    get rows() {
        return this.problem.rows || [];
    }
}

/** Called when the session has ended; main.js sends the user back to the sign-in page. */
let onSessionEnded = () => {};

export function whenSessionEnds(callback) {
    onSessionEnded = callback;
}

export function course(path, options) {
    return call(COURSE + path, options);
}

export function certificates(path, options) {
    return call(CERTIFICATES + path, options);
}

/**
 * options: method; json (an object sent as JSON) or body with type (e.g. a CSV file as text/csv);
 * as: 'json' (default), 'blob' or 'text' for what comes back.
 */
async function call(url, options = {}) {
    const headers = {Accept: options.accept || 'application/json, application/problem+json'};
    const token = session.current()?.token;
    if (token) {
        headers.Authorization = 'Bearer ' + token;
    }
    let body = options.body;
    if (options.json !== undefined) {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(options.json);
    } else if (options.type) {
        headers['Content-Type'] = options.type;
    }
    let response;
    try {
        response = await fetch(url, {method: options.method || 'GET', headers, body, cache: 'no-store'});
    } catch (network) {
        throw new ApiError(0, {detail: 'network', code: 'network'});
    }
    if (response.status === 401 && token) {
        session.end();
        onSessionEnded();
    }
    if (!response.ok) {
        let problem = null;
        try {
            problem = await response.json();
        } catch (notJson) {
            problem = {title: response.statusText};
        }
        throw new ApiError(response.status, problem, response.headers.get('Retry-After'));
    }
    if (response.status === 204) {
        return null;
    }
    if (options.as === 'blob') {
        return response.blob();
    }
    if (options.as === 'text') {
        return response.text();
    }
    return response.json();
}
