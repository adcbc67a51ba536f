// The signatory's pages. (Being written.)

export const routes = [];

export function homeCards() {
    return [];
}
