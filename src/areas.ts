// Every area (stage) of Kontakt, in process order. The platform imports none of them: it receives this list
// (buildApp, seedDefaults, installAreas). A new stage is its folder, its migration and one line here.
import type { Area } from './platform/areas';
import type { DemoStep } from './platform/areas';
import * as peopleTables from './people/tables';
import { registerPeopleRoutes } from './people/routes';
import { seedPeopleDemo } from './people/demo';
import * as intakeTables from './intake/tables';
import { registerIntakeRoutes } from './intake/routes';
import { caseHoldersOfPerson } from './intake/repo';
import { seedIntakeDemo } from './intake/demo';
import * as investigationTables from './investigation/tables';
import { registerInvestigationRoutes } from './investigation/routes';
import { seedInvestigationDemo } from './investigation/demo';
import * as decisionsTables from './decisions/tables';
import * as ordersTables from './orders/tables';
import { registerOrderRoutes } from './orders/routes';
import { seedOrdersDemo } from './orders/demo';
import { seedLegalBases } from './decisions/defaults';
import * as contactPersonTables from './contact-persons/tables';
import { seedContactPersonDefaults } from './contact-persons/defaults';
import { registerContactPersonRoutes } from './contact-persons/routes';
import { seedContactPersonDemo } from './contact-persons/demo';
import { contactPersonMaintenance } from './contact-persons/maintenance';
import * as paymentsTables from './payments/tables';
import { seedRateTable } from './payments/defaults';
import { registerPaymentRoutes } from './payments/routes';
import * as assignmentsTables from './assignments/tables';
import { registerAssignmentRoutes } from './assignments/routes';
import { seedAssignmentsDemo } from './assignments/demo';
import * as portalTables from './portal/tables';
import { registerPortalRoutes } from './portal/routes';
import { seedPortalSettings } from './portal/portal-settings';
import { seedPortalDemo } from './portal/demo';
import { portalMaintenance } from './portal/maintenance';
import * as cpMeetingsTables from './cp-meetings/tables';
import { registerCpMeetingRoutes } from './cp-meetings/routes';
import { seedCpMeetingsDemo } from './cp-meetings/demo';
import * as matchingTables from './matching/tables';
import { registerMatchingRoutes } from './matching/routes';
import { seedMatchingSettings } from './matching/defaults';
import * as payrollTables from './payroll/tables';
import { registerPayrollRoutes } from './payroll/routes';
import { seedPayrollSettings } from './payroll/defaults';
import { registerDecisionRoutes } from './decisions/routes';
import { seedDecisionsDemo } from './decisions/demo';
import { registerAdminRoutes } from './admin/routes';
import { registerOversightRoutes } from './oversight/routes';
import * as oversightTables from './oversight/tables';
import { seedDisposalRules } from './oversight/disposal-repo';
import { seedOversightDemo } from './oversight/demo';
import { seedAuditReviewSettings } from './oversight/audit-settings';
import * as importTables from './import/tables';
import { registerImportRoutes } from './import/routes';

/** An area as Kontakt knows it: what the platform takes, plus its step of the demo (src/demo/seed-demo.ts). */
export interface KontaktArea extends Area {
  demo?: DemoStep;
}

export const AREAS: readonly KontaktArea[] = [
  { name: 'people', tables: peopleTables, routes: registerPeopleRoutes, demo: seedPeopleDemo },
  { name: 'intake', tables: intakeTables, routes: registerIntakeRoutes, personHolders: caseHoldersOfPerson, demo: seedIntakeDemo },
  { name: 'investigation', tables: investigationTables, routes: registerInvestigationRoutes, demo: seedInvestigationDemo },
  { name: 'decisions', tables: decisionsTables, routes: registerDecisionRoutes, seedDefaults: seedLegalBases, demo: seedDecisionsDemo },
  { name: 'orders', tables: ordersTables, routes: registerOrderRoutes, demo: seedOrdersDemo },
  { name: 'contact-persons', tables: contactPersonTables, routes: registerContactPersonRoutes, seedDefaults: seedContactPersonDefaults, maintenance: contactPersonMaintenance, demo: seedContactPersonDemo },
  { name: 'payments', tables: paymentsTables, routes: registerPaymentRoutes, seedDefaults: seedRateTable },
  { name: 'assignments', tables: assignmentsTables, routes: registerAssignmentRoutes, demo: seedAssignmentsDemo },
  { name: 'portal', tables: portalTables, routes: registerPortalRoutes, seedDefaults: seedPortalSettings, maintenance: portalMaintenance, demo: seedPortalDemo },
  { name: 'payroll', tables: payrollTables, routes: registerPayrollRoutes, seedDefaults: seedPayrollSettings },
  { name: 'cp-meetings', tables: cpMeetingsTables, routes: registerCpMeetingRoutes, demo: seedCpMeetingsDemo },
  { name: 'matching', tables: matchingTables, routes: registerMatchingRoutes, seedDefaults: seedMatchingSettings },
  { name: 'admin', routes: registerAdminRoutes },
  {
    name: 'oversight',
    tables: oversightTables,
    routes: registerOversightRoutes,
    seedDefaults: async (db) => {
      await seedDisposalRules(db);
      await seedAuditReviewSettings(db);
    },
    demo: seedOversightDemo,
  },
  { name: 'import', tables: importTables, routes: registerImportRoutes },
];
