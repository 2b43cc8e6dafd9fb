// The case page's sections, in stage order: each stage registers its own (web/src/<stage>/…-section.tsx), with its
// own actions shown by the case's abilities. A new stage adds one line here; web/src/intake/case-page.tsx is the shell.
import type { ComponentType } from 'react';
import { IntakeSection } from './intake/intake-section';
import { InvestigationSection } from './investigation/investigation-section';
import { ResponsibleSection } from './intake/responsible-section';
import type { CaseSectionProps } from './intake/case-step';
import { DecisionSection } from './decisions/decision-section';
import { OrderSection } from './orders/order-section';
import { CaseExecutionSection } from './assignments/execution-section';

export const caseSections: ReadonlyArray<{ id: string; Section: ComponentType<CaseSectionProps> }> = [
  { id: 'intake', Section: IntakeSection },
  { id: 'investigation', Section: InvestigationSection },
  { id: 'responsible', Section: ResponsibleSection },
  { id: 'decisions', Section: DecisionSection },
  { id: 'order', Section: OrderSection },
  { id: 'execution', Section: CaseExecutionSection },
];
