/** Debian's Chromium (`apt-get install chromium`); BACKARCH_CHROMIUM points elsewhere. */
export const CHROMIUM = process.env.BACKARCH_CHROMIUM ?? '/usr/bin/chromium';
