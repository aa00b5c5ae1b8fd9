import { defineExercises } from "../define.ts";

export default defineExercises([
  {
    id: "fwd-count",
    kind: "numeric",
    prompt:
      "A dense network has 3 inputs, one hidden layer of 4 neurons and an output layer of 2 neurons. How many adjustable numbers does it have in total, counting every weight and every bias?",
    hints: [
      "Every connection between two neighbouring layers has its own weight: 3 inputs to 4 hidden neurons is 3 × 4 connections.",
      "Then 4 hidden neurons to 2 outputs. And every neuron outside the input layer has one bias.",
      "Weights: 12 + 8. Biases: 4 + 2.",
    ],
    answer: 26,
    tolerance: 0,
    explanation:
      "Between the inputs and the hidden layer there are 3 × 4 = 12 weights; between the hidden layer and the output there are 4 × 2 = 8. That makes 20 weights. Each of the 4 hidden and 2 output neurons has its own bias, 6 more, so 26 numbers in all. The input layer has no weights or biases of its own: it only holds the input.",
  },
  {
    id: "fwd-by-hand",
    kind: "numeric",
    prompt:
      "A network has inputs x1 = 2, x2 = -1, a hidden layer of two ReLU neurons, and one output neuron with no activation.\nHidden neuron 1: weights 1 and 3, bias 0.\nHidden neuron 2: weights 0.5 and -2, bias -1.\nOutput neuron: weights 3 (from hidden neuron 1) and -1.5 (from hidden neuron 2), bias 4.\nWhat is the prediction ŷ?",
    hints: [
      "Hidden neuron 1: z = 1 × 2 + 3 × (-1) + 0. Then apply ReLU.",
      "Hidden neuron 2: z = 0.5 × 2 + (-2) × (-1) + (-1). Then apply ReLU.",
      "The hidden outputs are 0 and 2. The output neuron computes 3 × 0 + (-1.5) × 2 + 4.",
    ],
    answer: 1,
    tolerance: 0.01,
    explanation:
      "Hidden neuron 1: z = 2 - 3 + 0 = -1, and ReLU turns that into 0. Hidden neuron 2: z = 1 + 2 - 1 = 2, and ReLU keeps 2. Output: ŷ = 3 × 0 + (-1.5) × 2 + 4 = 1. If you got -2, you forgot the ReLU on hidden neuron 1 and passed -1 on instead of 0.",
  },
  {
    id: "fwd-layer-order",
    kind: "ordering",
    prompt: "Put the steps of computing one dense hidden layer during a forward pass in order.",
    hints: [
      "A layer's input is whatever the layer before it produced.",
      "The activation works on the finished sums, bias included.",
    ],
    items: [
      {
        id: "take",
        text: "Take the list of outputs from the previous layer as this layer's input",
      },
      { id: "multiply", text: "Multiply it by the layer's weight matrix" },
      { id: "bias", text: "Add the layer's bias vector" },
      { id: "activate", text: "Apply the activation function to every entry" },
      { id: "pass", text: "Hand the result to the next layer as its input" },
    ],
    explanation:
      "Each layer computes h = f(W·x + b): it takes what the previous layer produced, multiplies it by its weight matrix (every neuron's weighted sum at once), adds the bias of each neuron, applies the activation to each result, and passes the new list on. The forward pass repeats this recipe layer after layer until the output comes out.",
  },
  {
    id: "fwd-gpu",
    kind: "choice",
    multiple: false,
    prompt: "Why are GPUs so well suited to running and training neural networks?",
    hints: [
      "Think about what most of the work in a forward pass is, and whether the pieces of that work depend on each other.",
    ],
    options: [
      {
        id: "parallel",
        text: "The work is mostly huge matrix multiplications whose many multiply-and-add steps can run at the same time, and GPUs have thousands of cores built for exactly that.",
      },
      {
        id: "memory",
        text: "GPUs remember the right answers, so the network does not have to compute them.",
      },
      {
        id: "brain",
        text: "GPUs are built like brain cells, which is what neural networks imitate.",
      },
      {
        id: "single",
        text: "A GPU has one extremely fast core that does one multiplication at a time faster than anything else.",
      },
    ],
    correct: ["parallel"],
    explanation:
      "A layer is one matrix multiplication: thousands or millions of multiplications and additions, and within a layer none of them has to wait for another. GPUs were made to compute millions of pixels for graphics, the same kind of arithmetic, with thousands of simple cores working at once. That match between the maths and the hardware is why deep learning runs on GPUs.",
  },
]);
