/** Checks on Markdown output shared by the audit tests. */

/** The Markdown outside code spans (a run of N backticks up to the next run of exactly N). */
export function outsideCode(md: string): string {
  return md.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, ' ');
}

/** What GitHub or GitLab would turn into a mention, a link, a reference, an emoji, math, strike or HTML. */
export const LIVE_SYNTAX = /@\w|#\d|!\d|~|\$|:[a-z_]+:|https?:|www\.|<|\u001b|[\u202a-\u202e\u2066-\u2069]/;
