import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { writeUseCase } from '../platform/db/transaction';
import { AppError } from '../platform/errors';
import { recordAudit } from '../platform/audit/record';
import { parseIdentityNumber } from './identity-number';
import { loadPersonView } from './load-person-view';
import type { personCreateBody, PersonOut } from './schema';
import { persons } from './tables';

/** Register a person. The identity number is unique: a duplicate is refused, never merged. */
export async function createPerson(ctx: UseCaseContext, input: z.output<typeof personCreateBody>): Promise<PersonOut> {
  const id = parseIdentityNumber(input.identityNumber, ctx.clock.today(), input.isReserveNumber);
  if (!id.ok) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'identityNumber', message: id.message }] });
  return writeUseCase(
    ctx,
    async (tx) => {
      const [p] = await tx
        .insert(persons)
        .values({
          identityNumber: id.normalized,
          idKind: id.kind,
          birthDate: id.birthDate,
          birthDatePartial: id.birthDatePartial,
          sex: id.sex,
          firstName: input.firstName,
          lastName: input.lastName,
          protectedIdentity: input.protectedIdentity,
          streetAddress: input.streetAddress,
          postalCode: input.postalCode,
          city: input.city,
          phone: input.phone,
          email: input.email,
          registeredBy: ctx.actor.id,
          registeredUnitId: ctx.actor.unitId,
          createdAt: ctx.clock.now(),
          updatedAt: ctx.clock.now(),
        })
        .returning();
      await recordAudit(tx, ctx, { action: 'person.create', entityType: 'person', entityId: p.id, personId: p.id, details: { idKind: id.kind } });
      return loadPersonView(tx, ctx, p);
    },
    { unique: [{ column: persons.identityNumber, code: 'PERSON_DUPLICATE', path: 'identityNumber', message: 'Det finns redan en person med det här numret.' }] },
  );
}
