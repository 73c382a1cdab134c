/**
 * How the news are deployed (read at build time): served by the portal's Node server from the
 * news store (the default), or every news page prerendered for a host without a server
 * (PORTAL_NEWS=static). Its own module so that pages can ask without importing the build's
 * integration (news-build.ts) and what it pulls in.
 */
export const newsServed = process.env.PORTAL_NEWS !== 'static';
