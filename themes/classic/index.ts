import GatedView from '../shared/GatedView.astro'
import type { Theme } from '../theme'
import Layout from './Layout.astro'
import NewsletterIssueView from './views/NewsletterIssueView.astro'
import NewsletterView from './views/NewsletterView.astro'
import NotFoundView from './views/NotFoundView.astro'
import PageView from './views/PageView.astro'
import PostListView from './views/PostListView.astro'
import PostView from './views/PostView.astro'

/** The classic theme: a clean, single-column-on-phones layout with the brand colour as its accent. */
export const classic: Theme = { Layout, PageView, PostView, PostListView, GatedView, NewsletterView, NewsletterIssueView, NotFoundView }
