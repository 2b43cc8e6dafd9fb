// The assignment page's sections, in the order of the assignment's life: each one a component given the assignment
// and the page's notice, showing its own actions by the assignment's abilities. A new part (the genomförandeplan,
// the payroll notice) adds one line here; assignment-page.tsx is the shell.
import type { ComponentType } from 'react';
import type { AssignmentSectionProps } from './api';
import { AgreementSection, SignaturesSection } from './agreement-sections';
import { EndSection, ExecutionSection, InterruptionsSection } from './execution-sections';

export const assignmentSections: ReadonlyArray<{ id: string; Section: ComponentType<AssignmentSectionProps> }> = [
  { id: 'agreement', Section: AgreementSection },
  { id: 'signatures', Section: SignaturesSection },
  { id: 'execution', Section: ExecutionSection },
  { id: 'interruptions', Section: InterruptionsSection },
  { id: 'end', Section: EndSection },
];
