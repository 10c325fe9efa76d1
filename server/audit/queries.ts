import "server-only";
import { and, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { auditLog } from "@/db/schema";

export type AuditQuery = {
  actorId?: number;
  entityType?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
};

/** The audit log, newest first, filtered by member, entity and date (read only: rows are never changed). */
export async function getAuditLog(db: Queryable, query: AuditQuery) {
  const conditions: (SQL | undefined)[] = [
    query.actorId ? eq(auditLog.actorId, query.actorId) : undefined,
    query.entityType ? eq(auditLog.entityType, query.entityType) : undefined,
    query.from ? gte(auditLog.at, query.from) : undefined,
    query.to ? lt(auditLog.at, query.to) : undefined,
  ];
  const where = and(...conditions);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(where),
  ]);
  return { rows, total };
}

export async function listAuditEntityTypes(db: Queryable): Promise<string[]> {
  const rows = await db.selectDistinct({ entityType: auditLog.entityType }).from(auditLog).orderBy(auditLog.entityType);
  return rows.map((r) => r.entityType);
}
