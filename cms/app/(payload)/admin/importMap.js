import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { SafeAutoLinkFeatureClient as SafeAutoLinkFeatureClient_809d0ea4a78b88c9c61bd306922fe3f0 } from '../../../editor/autoLink/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LeadTimeline as LeadTimeline_f938f3965088211dbb6411ebb92a410f } from '../../../components/leads/LeadTimeline'
import { LeadDataRights as LeadDataRights_49bbaa4b2c6926618402126d365243b8 } from '../../../components/leads/LeadDataRights'
import { LeadViews as LeadViews_536cad01133629855da5f48ddd7c23ca } from '../../../components/leads/LeadViews'
import { CampaignLinkQr as CampaignLinkQr_5aefed21ed4af9903df283443489c463 } from '../../../components/CampaignLinkQr'
import { SubscriberFiles as SubscriberFiles_681f91c42670c3d8c309475ef870ff52 } from '../../../components/members/SubscriberFiles'
import { SegmentPreview as SegmentPreview_5116d81d0db3fbecbdf69f477de881fc } from '../../../components/broadcasts/SegmentPreview'
import { BroadcastTestSend as BroadcastTestSend_f7afefaab8144af08fb8f4c87047070f } from '../../../components/broadcasts/BroadcastTestSend'
import { BroadcastStats as BroadcastStats_8d0f4dc0abc8dbe02d585bae2adc17ec } from '../../../components/broadcasts/BroadcastStats'
import { FunnelNavLink as FunnelNavLink_96221f82f74a66373c1d2f3370447d39 } from '../../../components/funnel/FunnelNavLink'
import { JobsNavLink as JobsNavLink_74cc688549bf5fe3d8944d901a69c74b } from '../../../components/jobs/JobsNavLink'
import { FunnelView as FunnelView_86536c7e32bfcf51d6acef6f73a669a9 } from '../../../components/funnel/FunnelView'
import { JobsView as JobsView_556e440ac59f7a4359b612338a3f387a } from '../../../components/jobs/JobsView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "/editor/autoLink/client#SafeAutoLinkFeatureClient": SafeAutoLinkFeatureClient_809d0ea4a78b88c9c61bd306922fe3f0,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/components/leads/LeadTimeline#LeadTimeline": LeadTimeline_f938f3965088211dbb6411ebb92a410f,
  "/components/leads/LeadDataRights#LeadDataRights": LeadDataRights_49bbaa4b2c6926618402126d365243b8,
  "/components/leads/LeadViews#LeadViews": LeadViews_536cad01133629855da5f48ddd7c23ca,
  "/components/CampaignLinkQr#CampaignLinkQr": CampaignLinkQr_5aefed21ed4af9903df283443489c463,
  "/components/members/SubscriberFiles#SubscriberFiles": SubscriberFiles_681f91c42670c3d8c309475ef870ff52,
  "/components/broadcasts/SegmentPreview#SegmentPreview": SegmentPreview_5116d81d0db3fbecbdf69f477de881fc,
  "/components/broadcasts/BroadcastTestSend#BroadcastTestSend": BroadcastTestSend_f7afefaab8144af08fb8f4c87047070f,
  "/components/broadcasts/BroadcastStats#BroadcastStats": BroadcastStats_8d0f4dc0abc8dbe02d585bae2adc17ec,
  "/components/funnel/FunnelNavLink#FunnelNavLink": FunnelNavLink_96221f82f74a66373c1d2f3370447d39,
  "/components/jobs/JobsNavLink#JobsNavLink": JobsNavLink_74cc688549bf5fe3d8944d901a69c74b,
  "/components/funnel/FunnelView#FunnelView": FunnelView_86536c7e32bfcf51d6acef6f73a669a9,
  "/components/jobs/JobsView#JobsView": JobsView_556e440ac59f7a4359b612338a3f387a,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
