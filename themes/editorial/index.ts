import GatedView from '../shared/GatedView.astro'
import type { Theme } from '../theme'
import Layout from './Layout.astro'
import NewsletterIssueView from './views/NewsletterIssueView.astro'
import NewsletterView from './views/NewsletterView.astro'
import NotFoundView from './views/NotFoundView.astro'
import PageView from './views/PageView.astro'
import PostListView from './views/PostListView.astro'
import PostView from './views/PostView.astro'

/** The editorial theme: a magazine's masthead, serif display type, wide images and a two-column post list. */
export const editorial: Theme = { Layout, PageView, PostView, PostListView, GatedView, NewsletterView, NewsletterIssueView, NotFoundView }
