// Ambient declarations for the admin build go here.
export {};
