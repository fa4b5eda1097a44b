/** Where the jobs screen lives under the admin route. */
export const JOBS_VIEW_PATH = '/jobs'
