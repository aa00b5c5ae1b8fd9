import { defineExercises } from "../define.ts";

export default defineExercises([
  {
    id: "summary-neuron-recap",
    kind: "numeric",
    prompt:
      "One last neuron, to check the basics. Its inputs are x₁ = 2 and x₂ = 3, its weights w₁ = 0.5 and w₂ = −1, its bias b = 2.5, and its activation is ReLU.\nWhat is its output a?",
    hints: [
      "First the weighted sum: z = w₁·x₁ + w₂·x₂ + b.",
      "0.5 · 2 = 1 and −1 · 3 = −3.",
      "ReLU keeps a positive z as it is and turns a negative z into 0.",
    ],
    answer: 0.5,
    tolerance: 0.001,
    explanation:
      "z = 0.5 · 2 + (−1) · 3 + 2.5 = 1 − 3 + 2.5 = 0.5. ReLU leaves a positive number unchanged, so a = max(0, 0.5) = 0.5. Without the bias, z would have been −2 and ReLU would have output 0: the bias shifts the point at which the neuron starts to fire.",
  },
  {
    id: "summary-big-ideas",
    kind: "choice",
    multiple: true,
    prompt: "Which of these statements sum up the course correctly? Select all that apply.",
    options: [
      {
        id: "weighted-sum",
        text: "A neuron computes a weighted sum of its inputs plus a bias, then applies an activation",
      },
      {
        id: "no-activation",
        text: "Without activation functions, a deep enough network can still model curves, it just needs more layers",
      },
      {
        id: "matrix",
        text: "Each layer of a forward pass is a matrix multiplication plus a bias, which suits GPUs",
      },
      {
        id: "loss",
        text: "The loss is a single number that training tries to make as small as possible",
      },
      {
        id: "random-search",
        text: "Backpropagation tries random changes to the weights and keeps the ones that help",
      },
      {
        id: "hand-made",
        text: "Programmers decide which features each layer of a deep network should detect",
      },
    ],
    correct: ["weighted-sum", "matrix", "loss"],
    hints: [
      "Three of the six are true.",
      "Remember what happens to a stack of layers without any bend, and how backpropagation finds its gradients.",
    ],
    explanation:
      "True: a neuron is a weighted sum plus a bias through an activation; a layer is a matrix multiplication plus a bias, the kind of arithmetic GPUs are built for; and the loss is the one number training minimises. False: without activations, any number of layers collapses into one straight-line map. Backpropagation is not random: it computes each weight's slope with the chain rule, and gradient descent steps against it. And the features of a deep network are not designed by hand; they emerge during training.",
  },
  {
    id: "summary-timeline",
    kind: "ordering",
    prompt:
      "Put these turning points in the history of neural networks in the order they happened.",
    items: [
      {
        id: "perceptron",
        text: "The perceptron: the first neuron that learns its weights from examples",
      },
      {
        id: "backprop",
        text: "Backpropagation becomes the standard way to train networks with hidden layers",
      },
      {
        id: "imagenet",
        text: "A deep network trained on GPUs wins the ImageNet image-recognition challenge",
      },
    ],
    hints: [
      "The three dates are 1957, 1986 and 2012.",
      "A method for training hidden layers only matters once there is a trainable neuron, and deep networks need that method.",
    ],
    explanation:
      "1957: Frank Rosenblatt's perceptron, a single trainable neuron. 1986: Rumelhart, Hinton and Williams popularise backpropagation for networks with hidden layers. 2012: AlexNet, a deep network trained on GPUs, wins ImageNet by a wide margin and starts the modern era of deep learning. Each step builds on the one before.",
  },
]);
