/**
 * How the engine prints a provider's check failure: the property path, its value, and the reason. The
 * property is matched literally (paths hold `.`, `[`, `]` and quotes).
 */
export function checkFailure(property: string, reason: string): RegExp {
  return new RegExp(`property ${property.replace(/[.[\]"]/g, "\\$&")} value .*has a problem: ${reason}`);
}
