import { z } from 'zod';
import { defineComponent } from '../../define';
import { fields } from '../../fields';

export default defineComponent({
  id: 'otel-collector',
  name: 'OpenTelemetry Collector',
  description:
    'Vendor-neutral agent or gateway that receives metrics, traces and logs (OTLP and others), processes and samples them, and exports them to observability stores; you run it, priced as its compute.',
  category: 'observability',
  vendor: 'neutral',
  roles: ['telemetry-collector', 'self-managed'],
  equivalence: 'telemetry-collector',
  config: {
    deploymentMode: z
      .enum(['agent', 'gateway'])
      .default('gateway')
      .describe('Agent runs beside each host or pod (DaemonSet or sidecar); gateway is a central, load-balanced pool.'),
    replicas: fields.replicas.describe('Gateway collector instances.'),
    vcpus: fields.vcpus.default(1).describe('vCPUs per instance.'),
    memoryMb: fields.memoryMb.default(2048).describe('Memory per instance in MB.'),
    samplingRatio: z
      .number()
      .min(0)
      .max(1)
      .default(1)
      .describe('Fraction of traces kept by the sampling processor (0–1); 1 keeps every trace.'),
    tailSampling: z
      .boolean()
      .default(false)
      .describe('Decide sampling after a trace completes (keep errors and slow traces); needs every span of a trace on one gateway instance.'),
    persistentQueue: z
      .boolean()
      .default(false)
      .describe('Buffer exports on disk so telemetry survives a collector restart or a backend outage.'),
  },
});
