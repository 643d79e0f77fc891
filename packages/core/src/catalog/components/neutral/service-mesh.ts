import { z } from 'zod';
import { defineComponent } from '../../define';

export default defineComponent({
  id: 'service-mesh',
  name: 'Service mesh',
  description:
    "Istio or Linkerd proxies between services for mTLS, retries and circuit breaking; priced as the cloud's managed mesh (Cloud Service Mesh, AKS Istio add-on) or as the proxies' extra CPU and memory.",
  category: 'network',
  vendor: 'neutral',
  roles: ['mesh'],
  equivalence: 'service-mesh',
  config: {
    implementation: z.enum(['istio', 'linkerd']).default('istio').describe('Mesh software; the managed cloud meshes are Istio-based.'),
    managed: z
      .boolean()
      .default(true)
      .describe("Use the cloud's managed control plane (Cloud Service Mesh on GCP, the Istio add-on on AKS) instead of installing it yourself; AWS has none since App Mesh was retired."),
    dataPlane: z
      .enum(['sidecar', 'ambient'])
      .default('sidecar')
      .describe('Sidecar runs a proxy in every pod; Istio ambient mode uses per-node proxies and needs less CPU and memory.'),
    mtls: z.boolean().default(true).describe('Proxies require mutual TLS between the services they cover (Istio STRICT mode).'),
    retries: z.number().int().min(0).max(10).default(2).describe('Retries the proxies make on a failed request by default.'),
    circuitBreaking: z
      .boolean()
      .default(true)
      .describe('Outlier detection: proxies stop sending requests to an endpoint after repeated failures.'),
    covers: z
      .array(z.string().min(1))
      .optional()
      .describe('Ids of the components whose traffic the mesh carries (sidecars injected). Unset means every service in the document.'),
  },
});
