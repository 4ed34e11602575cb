import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { campaignSchema, guidanceSchema } from './content/page-schemas.ts';
import { serviceSchema, serviceTranslationSchema } from './content/service-schema.ts';

const guidance = defineCollection({
  loader: glob({ base: './src/content/guidance', pattern: '**/*.md' }),
  schema: guidanceSchema,
});

const campaigns = defineCollection({
  loader: glob({ base: './src/content/campaigns', pattern: '**/*.md' }),
  schema: campaignSchema,
});

const services = defineCollection({
  loader: glob({ base: './src/content/services', pattern: '*.yaml' }),
  schema: serviceSchema,
});

/** Service descriptions in other languages: src/content/services/<lang>/<id>.yaml (see service-schema.ts). */
const serviceTranslations = defineCollection({
  loader: glob({ base: './src/content/services', pattern: '*/*.yaml' }),
  schema: serviceTranslationSchema,
});

export const collections = { guidance, campaigns, services, serviceTranslations };
