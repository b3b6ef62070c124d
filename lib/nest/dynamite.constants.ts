/** Name of the connection `forRoot()` creates when no `name` is given. */
export const DEFAULT_CONNECTION_NAME = "default";

/** Token of one core module's own options (private to that module). */
export const DYNAMITE_MODULE_OPTIONS = "DynamiteModuleOptions";

/** Token of a unique id per core module, so two identical `forRootAsync()` calls are not merged. */
export const DYNAMITE_MODULE_ID = "DynamiteModuleId";
