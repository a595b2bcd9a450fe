/**
 * Where a switch of space may land besides the space's home page (/espace/espace-actif's `suite`):
 * a fixed list, so the address never comes from the form. Shared by the route and the form that
 * posts to it (src/components/relatives/switch-space-form.tsx).
 */
export const SPACE_LANDINGS = { proches: "/espace/proches", notifications: "/espace/notifications", prevention: "/espace/prevention" } as const;

export type SpaceLanding = keyof typeof SPACE_LANDINGS;
