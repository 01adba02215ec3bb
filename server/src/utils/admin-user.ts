/** The fields of an admin user the manager shows. */
export interface AdminUserNames {
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
}

/** "Firstname Lastname", or the username, as the admin shows a user; null when it has neither. */
export const adminUserName = (user: AdminUserNames | null | undefined): string | null => {
  if (!user) return null;
  const full = [user.firstname, user.lastname].filter(Boolean).join(' ').trim();
  return full || user.username || null;
};
