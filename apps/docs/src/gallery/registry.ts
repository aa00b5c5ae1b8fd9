/** The figures of the course, as the gallery lists them. Each has a page at /gallery/<slug>. */
export interface GalleryEntry {
  slug: string;
  title: string;
  summary: string;
}

export const galleryEntries: readonly GalleryEntry[] = [
  {
    slug: "neuron",
    title: "Neuron",
    summary:
      "Inputs, weights, Σ + b and an activation; change any number and watch z and a follow.",
  },
  {
    slug: "activation-plot",
    title: "Activation plot",
    summary:
      "ReLU, sigmoid, tanh, linear and leaky ReLU, with a movable z marker showing f(z) and f′(z).",
  },
  {
    slug: "network-graph",
    title: "Network graph",
    summary:
      "A dense network layer by layer: the forward pass with values on the nodes, the backward pass with gradients.",
  },
  {
    slug: "linear-collapse",
    title: "Linear collapse",
    summary:
      "The same stack with and without activations: without them the output is a straight line.",
  },
  {
    slug: "loss-curve",
    title: "Loss curve",
    summary:
      "Training and test loss streaming in, on a linear or logarithmic scale, up to 100,000 points.",
  },
  {
    slug: "loss-landscape",
    title: "Loss landscape",
    summary:
      "The loss over one weight or two, with gradient descent walking downhill at the learning rate you set.",
  },
  {
    slug: "decision-boundary",
    title: "Decision boundary",
    summary:
      "A classifier's output over the plane as a heatmap, with the training and test points, redrawn while it learns.",
  },
  {
    slug: "neuron-maps",
    title: "Neuron maps",
    summary:
      "What every hidden unit responds to, layer by layer: simple features composing into complex ones.",
  },
  {
    slug: "weight-matrix",
    title: "Weight matrix",
    summary: "A layer's weights as a heatmap that changes as the network trains.",
  },
  {
    slug: "training-loop",
    title: "Training loop and timeline",
    summary:
      "Forward → loss → backprop → update with the current step lit; and the dates 1957, 1986, 2012.",
  },
];
