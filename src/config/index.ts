/**
 * The one reader of the environment and hubsync.yaml: YAML → ${ENV} interpolation → zod
 * validation → typed config. Nothing else in hubsync reads process.env or the config file.
 */
export { loadConfig } from "./load-config.ts";
export { parseConfig, type ParseConfigOptions } from "./parse-config.ts";
export { configPath, defaultConfigFile } from "./config-path.ts";
export { starterConfig, type StarterConfigOptions } from "./starter-config.ts";
export { ConfigInvalidError } from "./config-invalid-error.ts";
export { formatIssue, formatKeyPath, type ConfigIssue, type KeyPath } from "./config-issue.ts";
export type { Env } from "./interpolate-env.ts";
export { configJsonSchema, configJsonSchemaText } from "./config-json-schema.ts";
export { alwaysSyncedFor, alwaysSyncedProperties } from "./always-synced-properties.ts";
export { isStandardObjectType, modifiedDateProperty, standardObjectTypes, type StandardObjectType } from "./standard-objects.ts";
export { filterOperators, listOperators, presenceOperators, valueOperators } from "./filter-operators.ts";
export type { ListOperator, PresenceOperator, ValueOperator } from "./filter-operators.ts";
export { syncStrategies } from "./stream-options-schema.ts";
export { hubSpotTiers, defaultBaseUrl } from "./connection-schema.ts";
export { defaultStoreUrl, parseStoreUrl } from "./parse-store-url.ts";
export { defaultSchedule, parseSchedule } from "./parse-schedule.ts";
export {
  associationResolutions,
  associationShapes,
  derivedAssociationFilters,
  modesNeedingMatch,
  outboundModes,
  outboundStandardTargets,
  recordIdProperty,
} from "./outbound-targets.ts";
export type {
  AssociationResolution,
  AssociationShape,
  AuthConfig,
  ConnectionConfig,
  CustomObjectSchemaConfig,
  CustomPropertyConfig,
  FieldMap,
  CronScheduleConfig,
  CustomObjectsStreamConfig,
  DerivedAssociationFilter,
  FilterConfig,
  FilterOperator,
  FilterValue,
  HubSpotTier,
  HubsyncConfig,
  InboundSyncConfig,
  ListsStreamConfig,
  NumberFormat,
  OAuthConfig,
  ObjectStreamConfig,
  OutboundAssociationConfig,
  OutboundListConfig,
  OutboundMatchConfig,
  OutboundMode,
  OutboundSourceConfig,
  OutboundSyncConfig,
  OutboundThroughConfig,
  OwnersStreamConfig,
  PipelinesStreamConfig,
  PrivateAppAuthConfig,
  PropertySelection,
  PropertyType,
  ScheduleConfig,
  StoreConfig,
  StreamConfig,
  SyncStrategy,
} from "./hubsync-config.ts";
