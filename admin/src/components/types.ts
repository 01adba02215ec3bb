import type { ReactNode } from 'react';

/** The props the content manager passes to a custom field's Input. */
export interface CustomFieldInputProps {
  name: string;
  label?: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  disabled?: boolean;
}
