/** The bill of an always-on option: instances × time at its list price, with formulas. */
import type { LineItem, PriceSource } from '../billing/cost.ts';
import { fmtQty, fmtUsd } from '../billing/format.ts';
import { lineItem } from '../billing/lineItem.ts';
import { uniqueSources } from '../billing/providers/common.ts';
import type { AlwaysOnOption } from '../pricing/alwaysOn.ts';
import { price } from '../pricing/price.ts';

export interface AlwaysOnUse {
  /** Instances (tasks, dynos) running. */
  count: number;
  /** Hours each runs. */
  hours: number;
  /** Fargate: ephemeral storage per task, GB (20 included). Default 20. */
  ephemeralGb?: number;
  /** App Runner: share of the time an instance is active (processing requests), 0–1. Default 1. */
  activeFraction?: number;
}

export interface AlwaysOnBill {
  optionId: string;
  lineItems: LineItem[];
  totalUsd: number;
  sources: PriceSource[];
  notes: string[];
}

/** alwaysOnCost(option, use) prices `use.count` instances for `use.hours` hours each. */
export function alwaysOnCost(option: AlwaysOnOption, use: AlwaysOnUse): AlwaysOnBill {
  const { count, hours } = use;
  const items: LineItem[] = [];
  const notes: string[] = [];
  const p = option.pricing;
  const per = `${fmtQty(count)} × ${fmtQty(hours)} h`;
  switch (p.kind) {
    case 'hourly':
      items.push(lineItem('instances', option.label, count * hours, p.hour, per));
      notes.push('On-demand list price, Linux; billed per second (EC2: 60 s minimum).');
      break;
    case 'fargate': {
      // Per second with a one-minute minimum per task.
      const s = Math.max(60, hours * 3600);
      const taskS = `${fmtQty(count)} × ${fmtQty(s)} s`;
      items.push(
        lineItem(
          'vcpu',
          'Fargate vCPU',
          count * s * option.vcpu,
          p.vcpuSecond,
          `${taskS} × ${fmtQty(option.vcpu)} vCPU`
        )
      );
      items.push(
        lineItem(
          'memory',
          'Fargate memory',
          count * s * option.memoryGb,
          p.gbSecond,
          `${taskS} × ${fmtQty(option.memoryGb)} GB`
        )
      );
      const extraGb = Math.max(
        0,
        (use.ephemeralGb ?? p.includedEphemeralGb) - p.includedEphemeralGb
      );
      if (extraGb > 0) {
        items.push(
          lineItem(
            'ephemeral',
            `Ephemeral storage above ${p.includedEphemeralGb} GB`,
            count * s * extraGb,
            p.ephemeralGbSecond,
            `${taskS} × ${fmtQty(extraGb)} GB`
          )
        );
      }
      break;
    }
    case 'apprunner': {
      const active = Math.min(1, Math.max(0, use.activeFraction ?? 1));
      const activeH = count * hours * active;
      const idleH = count * hours - activeH;
      items.push(
        lineItem(
          'active:vcpu',
          'App Runner active vCPU',
          activeH * option.vcpu,
          p.activeVcpuHour,
          `${fmtQty(activeH)} active h × ${fmtQty(option.vcpu)} vCPU`
        )
      );
      items.push(
        lineItem(
          'active:memory',
          'App Runner active memory',
          activeH * option.memoryGb,
          p.activeGbHour,
          `${fmtQty(activeH)} active h × ${fmtQty(option.memoryGb)} GB`
        )
      );
      items.push(
        lineItem(
          'provisioned:memory',
          'App Runner provisioned (idle) memory',
          idleH * option.memoryGb,
          p.provisionedGbHour,
          `${fmtQty(idleH)} idle h × ${fmtQty(option.memoryGb)} GB`
        )
      );
      notes.push(
        `App Runner active ${fmtQty(active * 100)} % of the time; it stopped accepting new customers after 2026-04-30 (AR2).`
      );
      break;
    }
    case 'monthly': {
      // Prorated to the second; the monthly price is the most one dyno costs in a month.
      const share = Math.min(1, hours / p.monthHours);
      const perHour = price(p.month.usd / p.monthHours, 'hour', p.month.source, 'D');
      const item = lineItem(
        'instances',
        option.label,
        count * hours,
        perHour,
        `${per}, at ${fmtQty(p.month.usd)} $/month ÷ ${p.monthHours} h`
      );
      if (share === 1) {
        item.quantity = count * p.monthHours;
        item.usd = count * p.month.usd;
        item.formula = `${fmtQty(count)} × ${fmtUsd(p.month.usd)} per month (the cap for 24×7) = ${fmtUsd(count * p.month.usd)}`;
      }
      items.push(item);
      break;
    }
  }
  const sources = uniqueSources(
    p.kind === 'hourly'
      ? [p.hour.source]
      : p.kind === 'fargate'
        ? [p.vcpuSecond.source]
        : p.kind === 'apprunner'
          ? [p.activeVcpuHour.source]
          : [p.month.source]
  );
  return {
    optionId: option.id,
    lineItems: items,
    totalUsd: items.reduce((a, i) => a + i.usd, 0),
    sources,
    notes
  };
}
