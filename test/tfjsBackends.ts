// Unit tests run tensors on tfjs-core's CPU backend unless they pick another (backendNode.ts):
// the app imports tfjs-core plus the backends it uses, so a test registers one the same way.
import '@tensorflow/tfjs-backend-cpu';
// The chained tensor methods (x.add(y), x.reshape(…)) that the @tensorflow/tfjs umbrella adds.
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
