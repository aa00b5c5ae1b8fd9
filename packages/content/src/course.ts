import { defineCourse } from "./lesson-meta.ts";

export const COURSE_TITLE = "How neural networks actually work";

/**
 * The syllabus of the course, validated when this module loads: a broken entry fails every test
 * and every build that imports it.
 */
export const lessons = defineCourse([
  {
    slug: "introduction",
    title: "A network is a function you can tune",
    order: 0,
    minutes: 5,
    summary:
      "What a neural network really is: one big adjustable function from inputs to outputs, and learning as the careful adjustment of its numbers.",
    objectives: [
      "Describe a neural network as a function with adjustable numbers",
      "Say what the course will and will not need from you",
    ],
  },
  {
    slug: "a-single-neuron",
    title: "Inside a single neuron",
    order: 1,
    minutes: 12,
    summary:
      "Multiply each input by a weight, add them up with a bias, pass the total through an activation: the whole job of one neuron.",
    objectives: [
      "Compute z = w·x + b and a = f(z) for a small example by hand",
      "Explain what a weight and a bias change about the output",
    ],
    prerequisites: ["introduction"],
  },
  {
    slug: "activation-functions",
    title: "Why activation functions matter",
    order: 2,
    minutes: 14,
    summary:
      "Take the bend out of a network and any stack of layers folds into one straight-line map. ReLU, sigmoid and tanh put the bend back.",
    objectives: [
      "Show that stacked linear layers collapse into one linear map",
      "Compare ReLU, sigmoid and tanh: shape, output range, where each is used",
    ],
    prerequisites: ["a-single-neuron"],
  },
  {
    slug: "the-forward-pass",
    title: "The forward pass",
    order: 3,
    minutes: 15,
    summary:
      "Neurons in layers, every neuron wired to every neuron of the next layer: one input travels through them to become a prediction.",
    objectives: [
      "Follow one input through input, hidden and output layers",
      "Write a layer as a matrix multiplication plus a bias, then an activation",
      "Explain why GPUs suit this arithmetic",
    ],
    prerequisites: ["activation-functions"],
  },
  {
    slug: "measuring-error",
    title: "Measuring how wrong we are",
    order: 4,
    minutes: 12,
    summary:
      "A network with random weights guesses badly. A loss turns 'how bad?' into one number: mean squared error for quantities, cross-entropy for classes.",
    objectives: [
      "Compute mean squared error for a few predictions",
      "Tell when cross-entropy is the right loss and how it punishes confident mistakes",
    ],
    prerequisites: ["the-forward-pass"],
  },
  {
    slug: "backpropagation-and-gradient-descent",
    title: "Backpropagation and gradient descent",
    order: 5,
    minutes: 20,
    summary:
      "The gradient says which way each weight should move to lower the loss; backpropagation finds all of them at once with the chain rule, and gradient descent takes the step.",
    objectives: [
      "Apply the update w ← w − η·∂L/∂w",
      "Recognise a learning rate that overshoots and one that crawls",
      "Put the four steps of the training loop in order",
    ],
    prerequisites: ["measuring-error"],
  },
  {
    slug: "why-deep-works",
    title: 'Why "deep" works',
    order: 6,
    minutes: 15,
    summary:
      "Layer upon layer, simple features combine into complex ones without anyone programming them; the same humble arithmetic, at enormous scale, drives today's language models.",
    objectives: [
      "Describe how features build on each other from layer to layer",
      "Relate large language models to the neurons of lesson 1",
    ],
    prerequisites: ["backpropagation-and-gradient-descent"],
  },
  {
    slug: "summary",
    title: "What to take away",
    order: 7,
    minutes: 5,
    summary:
      "The whole course in six sentences, and the three dates that shaped the field: 1957, 1986 and 2012.",
    objectives: ["Retell how a network computes and learns, from neuron to deep network"],
    prerequisites: ["why-deep-works"],
  },
]);

export const totalMinutes = lessons.reduce((sum, lesson) => sum + lesson.minutes, 0);
